using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Api.Problems;

/// <summary>409: the record was changed since the version the client read; what changed, from the audit trail.</summary>
[Description("The record was changed since the version you read: nothing was saved.")]
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed class StaleVersionProblem : ProblemDetails
{
    [JsonPropertyName("current_version")]
    [Description("The record's version now: read it again and send this one.")]
    public int CurrentVersion { get; init; }

    [JsonPropertyName("your_version")]
    [Description("The version the request carried.")]
    public int YourVersion { get; init; }

    [JsonPropertyName("changes")]
    [Description("Every field changed since your version, oldest first.")]
    public List<FieldChange> Changes { get; init; } = [];

    public static StaleVersionProblem Of(SaveOutcome.Stale stale)
    {
        var form = stale.Now is { } now ? FieldAccess.FormOf(now) : "";
        var key = stale.Now is { } record ? FieldAccess.Key(record) : "";
        var changes = stale.Changes.Select(c => new FieldChange(c.Field, c.OldValue, c.NewValue, c.User, c.At, c.Reason)).ToList();
        var fields = string.Join(", ", changes.Select(c => c.Field).Distinct());
        var users = string.Join(", ", changes.Select(c => c.User).Distinct());
        return new StaleVersionProblem
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The record was changed by someone else",
            Detail = (stale.Now is null ? "The record was deleted since you read it" : $"{Forms.KeyColumn(form)} {key} is at version {stale.Current}, not {stale.Yours}") +
                (changes.Count > 0 ? $": {fields} changed since (by {users})" : "") +
                $". Nothing was saved: read it again, re-apply your change and send version {stale.Current}.",
            CurrentVersion = stale.Current,
            YourVersion = stale.Yours,
            Changes = changes,
        };
    }
}

/// <summary>One field changed by one save, as the audit trail recorded it.</summary>
public sealed record FieldChange(
    [property: JsonPropertyName("field"), Description("The variable.")] string Field,
    [property: JsonPropertyName("old_value"), Description("Its value before (null: empty).")] string? OldValue,
    [property: JsonPropertyName("new_value"), Description("Its value after (null: empty).")] string? NewValue,
    [property: JsonPropertyName("user"), Description("Who saved it.")] string User,
    [property: JsonPropertyName("at"), Description("When (UTC).")] DateTime At,
    [property: JsonPropertyName("reason"), Description("The reason given.")] string? Reason);
