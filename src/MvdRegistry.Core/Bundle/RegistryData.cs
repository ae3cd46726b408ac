using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Bundle;

/// <summary>A set of registry records in memory, linked through their navigation properties.</summary>
public sealed class RegistryData
{
    public List<Patient> Patients { get; } = [];
    public List<Operation> Operations { get; } = [];
    public List<ImagingStudy> Imaging { get; } = [];
    public List<FollowUp> FollowUps { get; } = [];
    public List<Complication> Complications { get; } = [];

    public void Add(RegistryRecord record)
    {
        switch (record)
        {
            case Patient p: Patients.Add(p); break;
            case Operation o: Operations.Add(o); break;
            case ImagingStudy s: Imaging.Add(s); break;
            case FollowUp f: FollowUps.Add(f); break;
            case Complication c: Complications.Add(c); break;
            default: throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a registry form");
        }
    }

    public IEnumerable<RegistryRecord> All() =>
        Patients.Cast<RegistryRecord>().Concat(Operations).Concat(Imaging).Concat(FollowUps).Concat(Complications);

    /// <summary>Clears every navigation property, so that each record can be attached to a context on its own.</summary>
    public void Unlink()
    {
        foreach (var p in Patients) p.Operations = [];
        foreach (var o in Operations) { o.Patient = null; o.Imaging = []; o.FollowUps = []; o.Complications = []; }
        foreach (var s in Imaging) s.Operation = null;
        foreach (var f in FollowUps) f.Operation = null;
        foreach (var c in Complications) c.Operation = null;
    }

    /// <summary>
    /// Sets navigation properties from the key columns. Records whose parent is absent keep a null
    /// parent; the caller decides whether that is an error.
    /// </summary>
    public RegistryData Link()
    {
        var patients = Patients.ToDictionary(p => p.PatientId);
        var operations = Operations.ToDictionary(o => o.CaseId);
        foreach (var p in Patients) p.Operations.Clear();
        foreach (var o in Operations)
        {
            o.Imaging.Clear();
            o.FollowUps.Clear();
            o.Complications.Clear();
            o.Patient = o.PatientId is { } patientId ? patients.GetValueOrDefault(patientId) : null;
            o.Patient?.Operations.Add(o);
        }
        Operation? Parent(string? caseId) => caseId is null ? null : operations.GetValueOrDefault(caseId);
        foreach (var s in Imaging) { s.Operation = Parent(s.CaseId); s.Operation?.Imaging.Add(s); }
        foreach (var f in FollowUps) { f.Operation = Parent(f.CaseId); f.Operation?.FollowUps.Add(f); }
        foreach (var c in Complications) { c.Operation = Parent(c.CaseId); c.Operation?.Complications.Add(c); }
        return this;
    }
}
