using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Saving;

/// <summary>The save handler outside a web request: a job acting for the user who asked for it.</summary>
public abstract class JobSaveTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Fact]
    public async Task A_change_saved_by_a_job_is_audited_in_the_name_of_the_user_and_the_job()
    {
        JobUser user;
        await using (var lookup = Database.NewContext())
            user = (await JobUser.ForAsync(lookup, "surgeon.hou", "statistics-snapshot #42"))!;
        await using var db = Database.NewContext(user);
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));
        var operation = await db.Operations.Include(o => o.Patient).Include(o => o.FollowUps).Include(o => o.Imaging).Include(o => o.Complications)
            .SingleAsync(o => o.CaseId == "C1");
        var visit = operation.FollowUps.Single();
        var columns = RecordCodec.Write(visit).ToDictionary(c => c.Key, c => (string?)c.Value);
        columns["hfs_status"] = "near_complete";

        var outcome = await handler.SaveAsync(new SaveCommand { Record = visit, Columns = columns, Version = visit.Version });

        Assert.IsType<SaveOutcome.Saved>(outcome);
        await using var check = Database.NewContext();
        var row = await check.AuditLog.SingleAsync(a => a.Action == AuditAction.Update);
        Assert.Equal(("F1", "hfs_status", "surgeon.hou via job statistics-snapshot #42"), (row.Key, row.Field, row.User));
    }

    [Fact]
    public async Task A_job_acts_with_the_grants_of_its_user_so_another_sites_record_is_refused_and_nothing_is_written()
    {
        JobUser user;
        await using (var lookup = Database.NewContext())
            user = (await JobUser.ForAsync(lookup, "surgeon.hou", "import #7"))!;
        await using var db = Database.NewContext(user);
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));
        var patient = await db.Patients.Include(p => p.Operations).SingleAsync(p => p.PatientId == "P2");
        var columns = RecordCodec.Write(patient).ToDictionary(c => c.Key, c => (string?)c.Value);
        columns["sex"] = "M";

        var outcome = await handler.SaveAsync(new SaveCommand { Record = patient, Columns = columns, Version = patient.Version });

        var invalid = Assert.IsType<SaveOutcome.Invalid>(outcome);
        Assert.Equal("you may not enter records for site BCN: you enter records for HOU only", invalid.Of("patient").Single(i => i.Column == "site_code").Message);
        await using var check = Database.NewContext();
        Assert.Equal("F", (await check.Patients.SingleAsync(p => p.PatientId == "P2")).Sex);
        Assert.Equal(0, await check.AuditLog.CountAsync(a => a.Action == AuditAction.Update));
    }
}

public sealed class SqliteJobSaveTests(SqliteTestDatabase database) : JobSaveTests<SqliteTestDatabase>(database);

public sealed class PostgresJobSaveTests(PostgresTestDatabase database) : JobSaveTests<PostgresTestDatabase>(database);
