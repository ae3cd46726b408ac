using Microsoft.AspNetCore.Http.HttpResults;

namespace MvdRegistry.Web.Api.Problems;

public static class ApiProblems
{
    /// <summary>The same answer whether the record does not exist or belongs to a site not granted: ids reveal nothing.</summary>
    public static ProblemHttpResult NotFound(string keyColumn, string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No record with {keyColumn} {key} at a site granted to you.");

    public static ProblemHttpResult ReadOnly(string? site) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Read only",
            detail: $"You may read the records of site {site} but not change them: only its surgeons enter data.");

    public static ProblemHttpResult Taken(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Key already taken", detail: detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The record is not valid", detail: "Nothing was saved: correct the fields named in errors.");
}
