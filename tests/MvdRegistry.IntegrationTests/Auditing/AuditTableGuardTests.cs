using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Auditing;

/// <summary>
/// The database refuses to change or remove audit rows (the AuditLogAppendOnly migration's triggers),
/// whatever SQL reaches it over the application's own connection: the interceptor is only a first line.
/// Each statement would change or remove the audit row <c>{id}</c> if the database let it through.
/// </summary>
public abstract class AuditTableGuardTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>A context on the same database without the application's audit guard interceptor.</summary>
    protected abstract RegistryDbContext ContextWithoutInterceptor();

    protected async Task AssertRefusedOnTheApplicationsConnectionAsync(string statement)
    {
        var before = await AddOneAuditRowAsync();
        var sql = statement.Replace("{id}", before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using (var db = Database.NewContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("audit_log is append-only", refused.Message);
        }
        await using (var db = Database.NewContext())
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", refused.Message);
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task ExecuteDelete_and_ExecuteUpdate_are_refused_by_the_database_itself()
    {
        var before = await AddOneAuditRowAsync();

        await using (var db = ContextWithoutInterceptor())
        {
            var deleted = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditLog.ExecuteDeleteAsync());
            Assert.Contains("audit_log is append-only", deleted.Message);
            var updated = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditLog.Where(a => a.Id == before.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, "{}").SetProperty(a => a.Reason, "x")));
            Assert.Contains("audit_log is append-only", updated.Message);
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Without_the_interceptor_the_database_still_refuses_SaveChanges_of_an_audit_row()
    {
        var before = await AddOneAuditRowAsync();

        await using (var db = ContextWithoutInterceptor())
        {
            var row = await db.AuditLog.SingleAsync();
            row.NewValue = "{}";
            var changed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("audit_log is append-only", changed.InnerException!.Message);
        }
        await using (var db = ContextWithoutInterceptor())
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync());
            var removed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("audit_log is append-only", removed.InnerException!.Message);
        }

        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Saves_still_append_audit_rows_several_in_one_batch()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);
        await using (var db = Database.NewContext())
        {
            var p2 = Seed.NewPatient("P2");
            p2.Mrn = "HOU0000002";
            var p3 = Seed.NewPatient("P3");
            p3.Mrn = "HOU0000003";
            db.Patients.AddRange(p2, p3);
            (await db.Patients.SingleAsync(p => p.PatientId == "P1")).Sex = "M";
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        var rows = (await check.AuditLog.ToListAsync()).Select(a => (a.Key, a.Action, a.Field)).Order().ToList();
        List<(string, AuditAction, string?)> expected =
            [("P1", AuditAction.Insert, null), ("P1", AuditAction.Update, "sex"), ("P2", AuditAction.Insert, null), ("P3", AuditAction.Insert, null)];
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task The_test_reset_empties_the_audit_table_and_leaves_it_guarded()
    {
        await AddOneAuditRowAsync();

        await Database.ResetAsync();

        await using (var db = Database.NewContext())
            Assert.Equal(0, await db.AuditLog.CountAsync());
        var before = await AddOneAuditRowAsync();
        await using (var db = ContextWithoutInterceptor())
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
            Assert.Contains("audit_log is append-only", refused.Message);
        }
        await AssertUnchangedAsync(before);
    }

    private async Task<AuditEntry> AddOneAuditRowAsync()
    {
        await using (var db = Database.NewContext())
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);
        await using var check = Database.NewContext();
        return await check.AuditLog.AsNoTracking().SingleAsync();
    }

    private async Task AssertUnchangedAsync(AuditEntry before)
    {
        await using var check = Database.NewContext();
        var after = await check.AuditLog.AsNoTracking().SingleAsync();
        Assert.Equal(Fields(before), Fields(after));
        Assert.Equal(before.Id, after.Id);
    }

    private static (DateTime, string, string, string, AuditAction, string?, string?, string?, string?) Fields(AuditEntry a) =>
        (a.At, a.User, a.Entity, a.Key, a.Action, a.Field, a.OldValue, a.NewValue, a.Reason);
}

public sealed class SqliteAuditTableGuardTests(SqliteTestDatabase database) : AuditTableGuardTests<SqliteTestDatabase>(database)
{
    private const string Columns = "(id, at, user_name, entity, record_key, action, new_value)";
    private const string Values = "({id}, '2020-01-01 00:00:00', 'intruder', 'patient', 'P1', 0, 'tampered')";

    public static TheoryData<string> Statements =>
    [
        "UPDATE audit_log SET reason = 'x'",
        "DELETE FROM audit_log",
        "UPDATE main.audit_log SET new_value = 'tampered'",
        "UPDATE/**/audit_log SET new_value = 'tampered'",
        "DELETE FROM main.\"audit_log\" WHERE id = {id}",
        "UPDATE OR REPLACE audit_log SET reason = 'x'",
        $"REPLACE INTO audit_log {Columns} VALUES {Values}",
        $"INSERT OR REPLACE INTO audit_log {Columns} VALUES {Values}",
        $"INSERT INTO audit_log {Columns} VALUES {Values} ON CONFLICT (id) DO UPDATE SET new_value = excluded.new_value",
    ];

    [Theory]
    [MemberData(nameof(Statements))]
    public Task Raw_sql_on_the_applications_connection_cannot_change_or_remove_an_audit_row(string statement) =>
        AssertRefusedOnTheApplicationsConnectionAsync(statement);

    protected override RegistryDbContext ContextWithoutInterceptor() =>
        new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite(Database.ConnectionString).Options);
}

public sealed class PostgresAuditTableGuardTests(PostgresTestDatabase database) : AuditTableGuardTests<PostgresTestDatabase>(database)
{
    public static TheoryData<string> Statements =>
    [
        "UPDATE audit_log SET reason = 'x'",
        "DELETE FROM audit_log",
        "UPDATE public.audit_log SET new_value = 'tampered'",
        "UPDATE/**/audit_log SET new_value = 'tampered'",
        "DELETE FROM \"public\".\"audit_log\" AS a WHERE a.id = {id}",
        "TRUNCATE audit_log",
        "TRUNCATE TABLE public.audit_log RESTART IDENTITY CASCADE",
        "WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone",
        "INSERT INTO audit_log (id, at, user_name, entity, record_key, action, new_value) "
            + "VALUES ({id}, '2020-01-01', 'intruder', 'patient', 'P1', 0, 'tampered') ON CONFLICT (id) DO UPDATE SET new_value = excluded.new_value",
    ];

    [Theory]
    [MemberData(nameof(Statements))]
    public Task Raw_sql_on_the_applications_connection_cannot_change_or_remove_an_audit_row(string statement) =>
        AssertRefusedOnTheApplicationsConnectionAsync(statement);

    protected override RegistryDbContext ContextWithoutInterceptor() =>
        new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql(Database.ConnectionString).Options);
}
