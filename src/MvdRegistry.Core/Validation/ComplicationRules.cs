using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

internal static class ComplicationRules
{
    public static void Check(Complication c, List<FieldIssue> issues)
    {
        if (c.Operation?.SurgeryDate is { } surgery && c.OnsetDate < surgery)
            issues.Add(new FieldIssue("onset_date", $"{c.OnsetDate:yyyy-MM-dd} is before the date of surgery ({surgery:yyyy-MM-dd})"));
        if (c.ResolutionDate < c.OnsetDate)
            issues.Add(new FieldIssue("resolution_date", $"{c.ResolutionDate:yyyy-MM-dd} is before the onset ({c.OnsetDate:yyyy-MM-dd})"));
        if (c.ComplicationType == "death" && c.ClavienDindo is not null && c.ClavienDindo != "V")
            issues.Add(new FieldIssue("clavien_dindo", $"a death is Clavien-Dindo grade V, not {c.ClavienDindo}"));
    }
}
