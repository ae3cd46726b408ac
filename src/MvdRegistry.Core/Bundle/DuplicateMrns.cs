using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// One patient per medical record number and site: a bundle patient whose MRN another patient of the
/// same site holds (in the registry, or earlier in the bundle) is refused, naming that patient. MRNs are
/// compared without regard to letter case, as the case search finds them.
/// </summary>
internal static class DuplicateMrns
{
    public static void Check(BundleReadResult result, Dictionary<RegistryRecord, int> lines, RegistryData merged)
    {
        var file = Forms.FileName(Forms.Patient);
        var holders = merged.Patients
            .Where(p => !string.IsNullOrEmpty(p.Mrn) && p.SiteCode is not null)
            .GroupBy(p => (Site: p.SiteCode!, Mrn: p.Mrn!.ToUpperInvariant()));
        foreach (var group in holders)
        {
            if (group.Count() < 2) continue;
            // The registry's own patient holds the number first; else the bundle's first row.
            var ordered = group.OrderBy(p => lines.TryGetValue(p, out var line) ? line : 0).ToList();
            var owner = ordered[0];
            var where = lines.TryGetValue(owner, out var ownerLine) ? $"on line {ownerLine}" : "in the registry";
            foreach (var patient in ordered.Skip(1).Where(lines.ContainsKey))
            {
                result.Problems.Add(new BundleProblem(file, lines[patient], "mrn",
                    $"MRN {patient.Mrn} already belongs to patient {owner.PatientId} of site {owner.SiteCode} ({where}): one patient per MRN and site"));
            }
        }
    }
}
