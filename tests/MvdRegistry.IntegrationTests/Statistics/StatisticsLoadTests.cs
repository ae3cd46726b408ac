using MvdRegistry.Application.Statistics;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>
/// What the statistics load from the database is what was imported: every column they read, every record, every
/// link between them, for the whole registry and for a filter. The expected values are the bundle's, read from its files.
/// </summary>
public abstract class StatisticsLoadTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_statistics_load_of_the_imported_reference_registry_holds_the_bundles_values_and_links()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        var bundle = Bundle();
        await using var db = Database.NewContext();

        var loaded = await RegistryLoader.LoadForStatisticsAsync(db);

        Assert.True(bundle.Operations.Count > 400 && bundle.FollowUps.Count > 1000, "the reference registry is not what this test expects");
        AssertSame(bundle, loaded);
    }

    [Fact]
    public async Task A_filtered_statistics_load_holds_the_bundles_values_and_links_of_the_chosen_operations()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        var bundle = Bundle();
        var chosen = bundle.Operations.Where(o => o.Indication == "HFS" && o.Patient!.SiteCode is "HOU" or "SEO").ToList();
        var expected = new RegistryData();
        expected.Operations.AddRange(chosen);
        expected.Patients.AddRange(bundle.Patients.Where(p => chosen.Any(o => o.PatientId == p.PatientId)));
        expected.Imaging.AddRange(chosen.SelectMany(o => o.Imaging));
        expected.FollowUps.AddRange(chosen.SelectMany(o => o.FollowUps));
        expected.Complications.AddRange(chosen.SelectMany(o => o.Complications));
        await using var db = Database.NewContext();

        var loaded = await StatisticsLoader.LoadAsync(db, new StatisticsFilter { Indication = "HFS", Sites = ["HOU", "SEO"] });

        Assert.True(chosen.Count > 20 && chosen.Count < bundle.Operations.Count / 2, $"{chosen.Count} chosen operations");
        AssertSame(expected, loaded);
    }

    [Fact]
    public async Task Inside_a_transaction_the_statistics_load_sees_the_transactions_own_rows()
    {
        // Outside a transaction the follow-ups are read on a second connection, which would not see these.
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        await using var db = Database.NewContext();
        var before = (await RegistryLoader.LoadForStatisticsAsync(db)).FollowUps.Count;
        var operation = await db.Operations.AsNoTracking().Where(o => o.SurgeryDate != null).OrderBy(o => o.CaseId).FirstAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.FollowUps.Add(new FollowUp { FollowupId = "F-IN-TX", CaseId = operation.CaseId, VisitDate = operation.SurgeryDate!.Value.AddDays(30), HfsStatus = "resolved" });
        await db.SaveChangesAsync();

        var loaded = await RegistryLoader.LoadForStatisticsAsync(db);

        Assert.Equal(before + 1, loaded.FollowUps.Count);
        Assert.Same(loaded.Operations.Single(o => o.CaseId == operation.CaseId), Assert.Single(loaded.FollowUps, f => f.FollowupId == "F-IN-TX").Operation);
    }

    private static RegistryData Bundle()
    {
        var read = BundleReader.Read(Paths.ReferenceSmall, DateOnly.FromDateTime(DateTime.Today));
        Assert.True(read.IsValid, string.Join("; ", read.Problems.Take(5)));
        return read.Data.Link();
    }

    /// <summary>The same records with the same values in every column the statistics read, and the same links.</summary>
    private static void AssertSame(RegistryData expected, RegistryData loaded)
    {
        AssertRows(expected.Patients, loaded.Patients, p => p.PatientId,
            p => (p.SiteCode, p.BirthDate, p.Sex, p.ConsentStatus, Operations: string.Join(",", p.Operations.Select(o => o.CaseId).Order())));
        AssertRows(expected.Operations, loaded.Operations, o => o.CaseId,
            o => (o.PatientId, o.Indication, o.Side, o.Redo, o.SymptomDurationMonths, o.BotoxPrior, o.SurgeryDate, o.SurgeonCode,
                o.LsrIntraop, o.VesselOp, o.VesselPrimary, o.DischargeDate, o.PtaDbPreop, o.SdsPctPreop,
                Imaging: string.Join(",", o.Imaging.Select(i => i.ImagingId).Order()),
                FollowUps: string.Join(",", o.FollowUps.Select(f => f.FollowupId).Order()),
                Complications: string.Join(",", o.Complications.Select(c => c.ComplicationId).Order())));
        AssertRows(expected.Imaging, loaded.Imaging, i => i.ImagingId, i => (i.CaseId, i.NvcDetected, i.VesselImg));
        AssertRows(expected.FollowUps, loaded.FollowUps, f => f.FollowupId, f => (f.CaseId, f.VisitDate, f.HfsStatus, f.BniPain, f.PtaDb, f.SdsPct));
        AssertRows(expected.Complications, loaded.Complications, c => c.ComplicationId,
            c => (c.CaseId, c.ComplicationType, c.OnsetDate, c.ClavienDindo, c.Resolved, c.ResolutionDate));

        // Each link points at the very record loaded with that key.
        var patients = loaded.Patients.ToDictionary(p => p.PatientId);
        var operations = loaded.Operations.ToDictionary(o => o.CaseId);
        Assert.All(loaded.Operations, o => Assert.Same(patients[o.PatientId], o.Patient));
        Assert.All(loaded.Patients, p => Assert.All(p.Operations, o => Assert.Same(operations[o.CaseId], o)));
        Assert.All(loaded.Imaging, i => Assert.Same(operations[i.CaseId], i.Operation));
        Assert.All(loaded.FollowUps, f => Assert.Same(operations[f.CaseId], f.Operation));
        Assert.All(loaded.Complications, c => Assert.Same(operations[c.CaseId], c.Operation));
    }

    private static void AssertRows<TRecord, TValues>(IEnumerable<TRecord> expected, IEnumerable<TRecord> loaded, Func<TRecord, string> key, Func<TRecord, TValues> values)
    {
        var want = expected.ToDictionary(key, values);
        var got = loaded.ToDictionary(key, values);
        Assert.Equal(want.Keys.Order(), got.Keys.Order());
        foreach (var (id, value) in want) Assert.True(Equals(value, got[id]), $"{typeof(TRecord).Name} {id}: imported {value}, loaded {got[id]}");
    }
}

public sealed class SqliteStatisticsLoadTests(SqliteTestDatabase database) : StatisticsLoadTests<SqliteTestDatabase>(database);

public sealed class PostgresStatisticsLoadTests(PostgresTestDatabase database) : StatisticsLoadTests<PostgresTestDatabase>(database);
