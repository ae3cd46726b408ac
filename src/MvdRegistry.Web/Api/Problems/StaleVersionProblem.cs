using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

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
}

/// <summary>One field changed by one save, as the audit trail recorded it.</summary>
public sealed record FieldChange(
    [property: JsonPropertyName("field"), Description("The variable.")] string Field,
    [property: JsonPropertyName("old_value"), Description("Its value before (null: empty).")] string? OldValue,
    [property: JsonPropertyName("new_value"), Description("Its value after (null: empty).")] string? NewValue,
    [property: JsonPropertyName("user"), Description("Who saved it.")] string User,
    [property: JsonPropertyName("at"), Description("When (UTC).")] DateTime At,
    [property: JsonPropertyName("reason"), Description("The reason given.")] string? Reason);
