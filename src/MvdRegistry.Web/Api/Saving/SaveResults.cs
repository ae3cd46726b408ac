using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using MvdRegistry.Web.Api.Problems;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>A save's outcome as the HTTP answer of a create (201) or an update (200).</summary>
public static class SaveResults
{
    private const string ProblemJson = "application/problem+json";

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult, JsonHttpResult<UnconfirmedWarningsProblem>> Created<T>(
        SaveOutcome outcome, Func<string> location, Func<T> saved) => outcome switch
    {
        SaveOutcome.Saved => TypedResults.Created(location(), saved()),
        SaveOutcome.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
        SaveOutcome.Unconfirmed unconfirmed => TypedResults.Json(unconfirmed.Problem, contentType: ProblemJson, statusCode: StatusCodes.Status422UnprocessableEntity),
        SaveOutcome.Taken taken => ApiProblems.Taken(taken.Detail),
        _ => throw new UnreachableException($"a create cannot end {outcome}"),
    };

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>, JsonHttpResult<UnconfirmedWarningsProblem>> Updated<T>(
        SaveOutcome outcome, Func<T> saved) => outcome switch
    {
        SaveOutcome.Saved => TypedResults.Ok(saved()),
        SaveOutcome.Invalid invalid => ApiProblems.Invalid(invalid.Errors),
        SaveOutcome.Unconfirmed unconfirmed => TypedResults.Json(unconfirmed.Problem, contentType: ProblemJson, statusCode: StatusCodes.Status422UnprocessableEntity),
        SaveOutcome.Stale stale => TypedResults.Json(stale.Problem, contentType: ProblemJson, statusCode: StatusCodes.Status409Conflict),
        _ => throw new UnreachableException($"an update cannot end {outcome}"),
    };
}
