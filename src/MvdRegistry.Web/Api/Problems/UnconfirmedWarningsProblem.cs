using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace MvdRegistry.Web.Api.Problems;

/// <summary>422: the record is valid but raises warnings; send it again with "confirm_warnings": true to save it.</summary>
[Description("The record raises warnings: nothing was saved. Send it again with \"confirm_warnings\": true to save it.")]
public sealed class UnconfirmedWarningsProblem : ProblemDetails
{
    [JsonPropertyName("warnings")]
    [Description("Variable name to warning messages.")]
    public Dictionary<string, string[]> Warnings { get; init; } = [];
}
