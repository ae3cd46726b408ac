using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Auditing;

public abstract class AuditTrailTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task An_insert_is_one_audit_row_holding_every_recorded_value()
    {
        await using (var db = Database.NewContext(new FixedUser("dr.nurse")))
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);

        await using var check = Database.NewContext();
        var row = await check.AuditLog.SingleAsync(a => a.Entity == "patient");
        Assert.Equal((AuditAction.Insert, "P1", "dr.nurse", (string?)null), (row.Action, row.Key, row.User, row.Field));
        Assert.Contains("\"birth_date\":\"1960-05-01\"", row.NewValue);
        Assert.Contains("\"mrn\":\"HOU0000001\"", row.NewValue);
    }

    [Fact]
    public async Task An_edit_writes_who_when_field_old_and_new_value_and_the_reason()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.Zero));

        await using (var db = Database.NewContext(new FixedUser("dr.smith"), clock))
        {
            var patient = await db.Patients.SingleAsync();
            patient.Sex = "M";
            patient.Ethnicity = "asian";
            db.AuditReason = "transcription error";
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        var rows = await check.AuditLog.Where(a => a.Action == AuditAction.Update).OrderBy(a => a.Field).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("ethnicity", null, "asian"), (rows[0].Field, rows[0].OldValue, rows[0].NewValue));
        Assert.Equal(("sex", "F", "M"), (rows[1].Field, rows[1].OldValue, rows[1].NewValue));
        Assert.All(rows, r => Assert.Equal(("dr.smith", "patient", "P1", "transcription error"), (r.User, r.Entity, r.Key, r.Reason)));
        Assert.All(rows, r => Assert.Equal(new DateTime(2026, 3, 4, 10, 30, 0), r.At));
    }

    [Fact]
    public async Task A_save_with_nothing_changed_writes_no_audit_row()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);

        await using (var db = Database.NewContext())
        {
            var patient = await db.Patients.SingleAsync();
            patient.Sex = "F";
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        Assert.Equal(1, await check.AuditLog.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_leaves_no_audit_row_because_both_share_one_transaction()
    {
        await using (var db = Database.NewContext())
        {
            db.Patients.Add(Seed.NewPatient());
            // No site HOU exists: the foreign key fails the whole save.
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = Database.NewContext();
        Assert.Equal(0, await check.AuditLog.CountAsync());
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted_through_the_application()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);

        await using (var db = Database.NewContext())
        {
            var row = await db.AuditLog.SingleAsync();
            row.NewValue = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.NewContext())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = Database.NewContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditLog.ExecuteDeleteAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "x")));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        }

        await using var check = Database.NewContext();
        var kept = await check.AuditLog.SingleAsync();
        Assert.Equal("P1", kept.Key);
        Assert.NotEqual("{}", kept.NewValue);
        Assert.Null(kept.Reason);
    }
}

public sealed class SqliteAuditTrailTests(SqliteTestDatabase database) : AuditTrailTests<SqliteTestDatabase>(database);

public sealed class PostgresAuditTrailTests(PostgresTestDatabase database) : AuditTrailTests<PostgresTestDatabase>(database);
