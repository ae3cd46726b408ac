using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using MvdRegistry.Application.Saving;
using MvdRegistry.Web.Api.Problems;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// A delete's outcome as the HTTP answer: 204 deleted; 400 refused (no reason, an over-long one, no
/// version, records beneath, named), with nothing deleted; 409 stale version (what changed since), as an update.
/// </summary>
public static class DeleteResults
{
    private const string ProblemJson = "application/problem+json";

    public static Results<NoContent, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>> Of(DeleteOutcome outcome) => outcome switch
    {
        DeleteOutcome.Deleted => TypedResults.NoContent(),
        DeleteOutcome.Refused refused => TypedResults.ValidationProblem(
            refused.Issues.GroupBy(i => i.Column).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()),
            title: "The record cannot be deleted", detail: "Nothing was deleted: see errors."),
        DeleteOutcome.Stale stale => TypedResults.Json(Stale(stale), contentType: ProblemJson, statusCode: StatusCodes.Status409Conflict),
        _ => throw new UnreachableException($"a delete cannot end {outcome}"),
    };

    private static StaleVersionProblem Stale(DeleteOutcome.Stale stale)
    {
        var problem = StaleVersionProblem.Of(stale.Save);
        problem.Detail = problem.Detail?.Replace("Nothing was saved: read it again, re-apply your change and send version",
            "Nothing was deleted: read it again and, if it is still to be deleted, send version", StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The command of a DELETE: the version from <c>?version=</c>, the reason from the <see cref="ChangeReason.Header"/> header.</summary>
    public static DeleteCommand Command(MvdRegistry.Core.Model.RegistryRecord record, int? version, string? reason) =>
        new() { Record = record, Version = version, Reason = reason };
}
