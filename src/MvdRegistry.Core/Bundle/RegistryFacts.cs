using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// What a bundle is checked against in the registry, and no more: every key, and the few values the
/// cross-record rules read (a patient's site, MRN and birth date; an operation's patient, indication and
/// date; a visit's date; a death's onset). A 100,000-patient registry is tens of megabytes this way,
/// where its whole records are about a gigabyte.
/// </summary>
public sealed class RegistryFacts
{
    public sealed record PatientFact(string PatientId, string? SiteCode, string? Mrn, DateOnly? BirthDate);

    public sealed record OperationFact(string CaseId, string PatientId, string? Indication, DateOnly? SurgeryDate);

    public sealed record FollowUpFact(string FollowupId, string CaseId, DateOnly? VisitDate);

    public sealed record ComplicationFact(string ComplicationId, string CaseId, string? ComplicationType, DateOnly? OnsetDate);

    public static RegistryFacts Empty => new([], [], [], [], []);

    private Dictionary<string, HashSet<string>>? _keys;

    public RegistryFacts(List<PatientFact> patients, List<OperationFact> operations, List<string> imagingIds,
        List<FollowUpFact> followUps, List<ComplicationFact> complications)
    {
        Patients = patients;
        Operations = operations;
        ImagingIds = imagingIds;
        FollowUps = followUps;
        Complications = complications;
    }

    /// <summary>In the order the registry returned them: the order in which the checks meet them.</summary>
    public List<PatientFact> Patients { get; }
    public List<OperationFact> Operations { get; }
    public List<string> ImagingIds { get; }
    public List<FollowUpFact> FollowUps { get; }
    public List<ComplicationFact> Complications { get; }

    /// <summary>Whether the registry holds a record of <paramref name="form"/> with this key.</summary>
    public bool Contains(string form, string key)
    {
        _keys ??= new Dictionary<string, HashSet<string>>
        {
            [Forms.Patient] = Patients.Select(p => p.PatientId).ToHashSet(),
            [Forms.Case] = Operations.Select(o => o.CaseId).ToHashSet(),
            [Forms.Imaging] = ImagingIds.ToHashSet(),
            [Forms.FollowUp] = FollowUps.Select(f => f.FollowupId).ToHashSet(),
            [Forms.Complication] = Complications.Select(c => c.ComplicationId).ToHashSet(),
        };
        return _keys[form].Contains(key);
    }

    /// <summary>The facts of records already in memory.</summary>
    public static RegistryFacts Of(RegistryData data) => new(
        data.Patients.Select(p => new PatientFact(p.PatientId, p.SiteCode, p.Mrn, p.BirthDate)).ToList(),
        data.Operations.Select(o => new OperationFact(o.CaseId, o.PatientId, o.Indication, o.SurgeryDate)).ToList(),
        data.Imaging.Select(s => s.ImagingId).ToList(),
        data.FollowUps.Select(f => new FollowUpFact(f.FollowupId, f.CaseId, f.VisitDate)).ToList(),
        data.Complications.Select(c => new ComplicationFact(c.ComplicationId, c.CaseId, c.ComplicationType, c.OnsetDate)).ToList());
}
