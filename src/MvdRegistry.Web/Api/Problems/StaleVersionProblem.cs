using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace MvdRegistry.Web.Api.Problems;

/// <summary>409: the record was changed since the version the client read; what changed, from the audit trail.</summary>
[Description("The record was changed since the version you read: nothing was saved.")]
public sealed class StaleVersionProblem : ProblemDetails
{
    [Description("The record's version now: read it again and send this one.")]
    public int CurrentVersion { get; init; }

    [Description("The version the request carried.")]
    public int YourVersion { get; init; }

    [Description("Every field changed since your version, oldest first.")]
    public List<FieldChange> Changes { get; init; } = [];
}

/// <summary>One field changed by one save, as the audit trail recorded it.</summary>
public sealed record FieldChange(
    [property: Description("The variable.")] string Field,
    [property: Description("Its value before (null: empty).")] string? OldValue,
    [property: Description("Its value after (null: empty).")] string? NewValue,
    [property: Description("Who saved it.")] string User,
    [property: Description("When (UTC).")] DateTime At,
    [property: Description("The reason given.")] string? Reason);
