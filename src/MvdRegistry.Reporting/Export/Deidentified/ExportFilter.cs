namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>Which operations a de-identified export holds (with their patients and records); empty fields do not filter.</summary>
/// <param name="Indication">HFS, TN, GPN or OTHER; null for all.</param>
/// <param name="Sites">The patients' site codes; empty for all.</param>
/// <param name="FromYear">First year of surgery, inclusive.</param>
/// <param name="ToYear">Last year of surgery, inclusive.</param>
public sealed record ExportFilter(string? Indication = null, IReadOnlyList<string>? Sites = null, int? FromYear = null, int? ToYear = null)
{
    public IReadOnlyList<string> SiteList => Sites ?? [];

    /// <summary>Whether the filter leaves every operation in (no indication, site or year): only withdrawn consent leaves one out.</summary>
    public bool KeepsAll => Indication is null && SiteList.Count == 0 && FromYear is null && ToYear is null;

    /// <summary>The filter as the audit trail and the codebook say it.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Indication is not null) parts.Add("indication " + Indication);
        if (SiteList.Count > 0) parts.Add("sites " + string.Join(",", SiteList));
        if (FromYear is not null) parts.Add("from " + FromYear);
        if (ToYear is not null) parts.Add("to " + ToYear);
        return parts.Count == 0 ? "all operations" : string.Join("; ", parts);
    }
}
