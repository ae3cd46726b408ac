using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Web.Api.Problems;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// A save's outcome as the HTTP answer of a create (201) or an update (200): 400 validation problem,
/// 422 unconfirmed warnings, 409 stale version (what changed since) or key taken.
/// </summary>
public static class SaveResults
{
    private const string ProblemJson = "application/problem+json";

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult, JsonHttpResult<UnconfirmedWarningsProblem>> Created<T>(
        SaveOutcome outcome, Func<string> location, Func<T> saved) => outcome switch
    {
        SaveOutcome.Saved => TypedResults.Created(location(), saved()),
        SaveOutcome.Invalid { Unconfirmed: true } unconfirmed => Unconfirmed(unconfirmed),
        SaveOutcome.Invalid invalid => ApiProblems.Invalid(Errors(invalid)),
        SaveOutcome.KeyTaken taken => ApiProblems.Taken($"{taken.Column} {taken.Key} is already taken: choose another key"),
        _ => throw new UnreachableException($"a create cannot end {outcome}"),
    };

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>, JsonHttpResult<UnconfirmedWarningsProblem>> Updated<T>(
        SaveOutcome outcome, Func<T> saved) => outcome switch
    {
        SaveOutcome.Saved => TypedResults.Ok(saved()),
        SaveOutcome.Invalid { Unconfirmed: true } unconfirmed => Unconfirmed(unconfirmed),
        SaveOutcome.Invalid invalid => ApiProblems.Invalid(Errors(invalid)),
        SaveOutcome.Stale stale => TypedResults.Json(StaleVersionProblem.Of(stale), contentType: ProblemJson, statusCode: StatusCodes.Status409Conflict),
        _ => throw new UnreachableException($"an update cannot end {outcome}"),
    };

    /// <summary>Variable to messages; an error brought to another record is keyed "form/key/variable".</summary>
    private static Dictionary<string, string[]> Errors(SaveOutcome.Invalid invalid)
    {
        var errors = invalid.Issues.Where(i => i.Issue.IsError).Select(i => (Field: ColumnNames.VariableOf(i.Issue.Column), i.Issue.Message))
            .Concat(invalid.Linked.Select(l => (Field: $"{l.Form}/{l.Key}/{l.Variable}", l.Message)));
        return errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
    }

    private static JsonHttpResult<UnconfirmedWarningsProblem> Unconfirmed(SaveOutcome.Invalid invalid) =>
        TypedResults.Json(new UnconfirmedWarningsProblem
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The record raises warnings that need confirming",
            Detail = "Nothing was saved. Check the warnings, then send the record again with \"confirm_warnings\": true.",
            Warnings = invalid.Warnings.GroupBy(w => ColumnNames.VariableOf(w.Column)).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray()),
        }, contentType: ProblemJson, statusCode: StatusCodes.Status422UnprocessableEntity);
}
