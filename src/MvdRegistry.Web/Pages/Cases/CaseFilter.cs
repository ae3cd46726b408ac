using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace MvdRegistry.Web.Pages.Cases;

/// <summary>The operations list's query string: every field is optional, and page links carry all of them.</summary>
public sealed class CaseFilter
{
    /// <summary>A case_id, a patient_id or an MRN, matched exactly.</summary>
    public string? Q { get; set; }

    public string? Site { get; set; }

    public string? Indication { get; set; }

    public string? Surgeon { get; set; }

    public int? Year { get; set; }

    public bool Overdue { get; set; }

    [ValidateNever]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Site is null && Indication is null && Surgeon is null && Year is null && !Overdue;

    /// <summary>The filter as one text, for keeping what was derived for it (the page number left out).</summary>
    /// <remarks>Derived, not bound: model validation would otherwise serialise it on every request.</remarks>
    [ValidateNever]
    public string Key => System.Text.Json.JsonSerializer.Serialize(RouteValues(1));

    /// <summary>Route values for a link to another page of the same list.</summary>
    public Dictionary<string, string?> RouteValues(int page) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        ["site"] = Site,
        ["indication"] = Indication,
        ["surgeon"] = Surgeon,
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["overdue"] = Overdue ? "true" : null,
        ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };
}
