using System.Diagnostics;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using Xunit.Abstractions;

namespace MvdRegistry.Core.Tests.Statistics;

public class SnapshotScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Counts_scale_exactly_with_250_copies_of_the_reference_registry()
    {
        var patients = Enumerable.Range(0, 250).SelectMany(copy => ReferenceRegistry.Data.Patients.Select(p => Copy(p, copy))).ToList();
        RegistryStatistics.Compute(ReferenceRegistry.Data.Patients, ReferenceRegistry.AsOf);

        var watch = Stopwatch.StartNew();
        var snapshot = RegistryStatistics.Compute(patients, ReferenceRegistry.AsOf);

        // A figure for the log, not a timed test: `mvd stats --timing` is the benchmark.
        output.WriteLine($"{patients.Count} patients, {snapshot.Population.Operations} operations: {watch.ElapsedMilliseconds} ms");
        // 250 copies of the reference registry: counts scale exactly (expected.json: 419 operations, 224 recurrence-free).
        Assert.Equal(250 * 419, snapshot.Population.Operations);
        Assert.Equal(250 * 224, snapshot.KaplanMeier.RecurrenceFree.N);
    }

    private static Patient Copy(Patient source, int copy)
    {
        var patient = new Patient
        {
            PatientId = $"{source.PatientId}-{copy}",
            SiteCode = source.SiteCode,
            BirthDate = source.BirthDate,
            Sex = source.Sex,
            ConsentStatus = source.ConsentStatus,
        };
        foreach (var o in source.Operations)
        {
            var operation = new Operation
            {
                CaseId = $"{o.CaseId}-{copy}",
                PatientId = patient.PatientId,
                Indication = o.Indication,
                Redo = o.Redo,
                SymptomDurationMonths = o.SymptomDurationMonths,
                BotoxPrior = o.BotoxPrior,
                SurgeryDate = o.SurgeryDate,
                SurgeonCode = o.SurgeonCode,
                LsrIntraop = o.LsrIntraop,
                VesselOp = o.VesselOp,
                VesselPrimary = o.VesselPrimary,
                DischargeDate = o.DischargeDate,
                PtaDbPreop = o.PtaDbPreop,
                SdsPctPreop = o.SdsPctPreop,
                Patient = patient,
            };
            operation.Imaging.AddRange(o.Imaging.Select(i => new ImagingStudy { NvcDetected = i.NvcDetected, VesselImg = i.VesselImg, Operation = operation }));
            operation.FollowUps.AddRange(o.FollowUps.Select(f => new FollowUp { VisitDate = f.VisitDate, HfsStatus = f.HfsStatus, BniPain = f.BniPain, PtaDb = f.PtaDb, SdsPct = f.SdsPct, Operation = operation }));
            operation.Complications.AddRange(o.Complications.Select(c => new Complication { ComplicationType = c.ComplicationType, OnsetDate = c.OnsetDate, Resolved = c.Resolved, ClavienDindo = c.ClavienDindo, Operation = operation }));
            patient.Operations.Add(operation);
        }
        return patient;
    }
}
