namespace MvdRegistry.Core.Bundle;

/// <summary>
/// Reads and validates a CSV bundle into memory without writing anything: <see cref="BundleCheck"/>'s
/// two passes, keeping the records. For small bundles (tests, the reference registry); the import
/// streams through <see cref="BundleCheck"/> itself.
/// </summary>
public static class BundleReader
{
    public static BundleReadResult Read(string directory, DateOnly today, RegistryData? existing = null) =>
        Read(BundleCheck.Start(directory, today, Facts(existing)), existing);

    /// <param name="open">Opens a form's file, or returns null when it is missing.</param>
    /// <param name="existing">What the registry already holds: parents may be there instead of in the bundle.</param>
    public static BundleReadResult Read(Func<string, Stream?> open, DateOnly today, RegistryData? existing = null) =>
        Read(BundleCheck.Start(open, today, Facts(existing)), existing);

    private static RegistryFacts Facts(RegistryData? existing) => existing is null ? RegistryFacts.Empty : RegistryFacts.Of(existing);

    private static BundleReadResult Read(BundleCheck check, RegistryData? existing)
    {
        var data = new RegistryData();
        foreach (var record in check.Records()) data.Add(record);
        Merge(data, existing);
        return check.Result(data);
    }

    /// <summary>Links the bundle's records as the registry would be after the import: bundle records replace registry records of the same key.</summary>
    private static void Merge(RegistryData bundle, RegistryData? existing)
    {
        var merged = new RegistryData();
        merged.Patients.AddRange(Union(bundle.Patients, existing?.Patients, p => p.PatientId));
        merged.Operations.AddRange(Union(bundle.Operations, existing?.Operations, o => o.CaseId));
        merged.Imaging.AddRange(Union(bundle.Imaging, existing?.Imaging, s => s.ImagingId));
        merged.FollowUps.AddRange(Union(bundle.FollowUps, existing?.FollowUps, f => f.FollowupId));
        merged.Complications.AddRange(Union(bundle.Complications, existing?.Complications, c => c.ComplicationId));
        merged.Link();
    }

    private static IEnumerable<T> Union<T>(List<T> bundle, List<T>? existing, Func<T, string> key)
    {
        if (existing is null) return bundle;
        var replaced = bundle.Select(key).ToHashSet();
        return bundle.Concat(existing.Where(e => !replaced.Contains(key(e))));
    }
}
