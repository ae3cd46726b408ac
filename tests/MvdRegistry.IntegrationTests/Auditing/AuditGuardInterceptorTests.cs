using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.IntegrationTests.Auditing;

/// <summary>
/// The application's first line: what the interceptor recognises as a change to the audit trail.
/// The database's own refusal is shown by AuditTableGuardTests. Nothing here connects to a database.
/// </summary>
public class AuditGuardInterceptorTests
{
    public static TheoryData<string> Changes =>
    [
        "UPDATE audit_log SET reason = 'x'",
        "DELETE FROM audit_log",
        "delete audit_log",
        "UPDATE main.audit_log SET reason = 'x'",
        "UPDATE/**/audit_log SET reason = 'x'",
        "UPDATE -- comment\naudit_log SET reason = 'x'",
        "DELETE FROM main.\"audit_log\"",
        "DELETE FROM [dbo].[audit_log]",
        "DELETE FROM \"public\".\"audit_log\" AS a WHERE a.id = 1",
        "REPLACE INTO audit_log (id, at) VALUES (1, '2020-01-01')",
        "INSERT OR REPLACE INTO audit_log (id, at) VALUES (1, '2020-01-01')",
        "INSERT INTO audit_log (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET reason = 'x'",
        "TRUNCATE audit_log",
        "TRUNCATE TABLE public.audit_log",
        "WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone",
        "EXEC('DELETE FROM audit_log')",
        "DO $$ BEGIN DELETE FROM audit_log; END $$",
        "DELETE FROM /* /* nested */ ; */ audit_log",
        "SELECT ';'; UPDATE audit_log SET reason = 'x'",
        "DROP TABLE audit_log",
        "DROP TRIGGER audit_log_no_delete",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DISABLE TRIGGER audit_log_append_only ON audit_log",
        "EXEC sp_rename 'audit_log', 'old_audit'",
        "SET session_replication_role = replica",
    ];

    /// <summary>What SaveChanges and the pages send: inserts and reads of audit rows, batched with other updates.</summary>
    public static TheoryData<string> Allowed =>
    [
        "INSERT INTO \"audit_log\" (\"action\", \"at\", \"entity\") VALUES (@p0, @p1, @p2) RETURNING \"id\";",
        "UPDATE \"patients\" SET \"sex\" = @p0, \"updated_at\" = @p1 WHERE \"patient_id\" = @p2 AND \"row_version\" = @p3 RETURNING 1;\n"
            + "INSERT INTO \"audit_log\" (\"action\", \"at\", \"entity\", \"field\") VALUES (@p4, @p5, @p6, @p7) RETURNING \"id\";",
        "SET IMPLICIT_TRANSACTIONS OFF;\nSET NOCOUNT ON;\nUPDATE [patients] SET [sex] = @p0 OUTPUT 1 WHERE [patient_id] = @p1;\n"
            + "MERGE [audit_log] USING (VALUES (@p2, @p3, 0), (@p4, @p5, 1)) AS i ([action], [at], _Position) ON 1=0\n"
            + "WHEN NOT MATCHED THEN INSERT ([action], [at]) VALUES (i.[action], i.[at]) OUTPUT INSERTED.[id], i._Position;",
        "SELECT a.id, a.at, a.user_name, a.old_value, a.new_value FROM audit_log AS a WHERE a.entity = @p0 AND a.record_key = @p1 ORDER BY a.at",
        "DELETE FROM patients WHERE patient_id = @p0",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_statement_that_changes_the_audit_trail_or_its_guard_is_recognised(string sql) =>
        Assert.True(AuditGuardInterceptor.ChangesAuditTrail(sql), sql);

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Inserts_and_reads_of_audit_rows_pass(string sql) =>
        Assert.False(AuditGuardInterceptor.ChangesAuditTrail(sql), sql);

    [Fact]
    public async Task What_ExecuteDelete_and_ExecuteUpdate_generate_on_SQL_Server_is_refused()
    {
        var sent = new SentCommands();
        await using var db = new SqlServerRegistryDbContext(new DbContextOptionsBuilder<SqlServerRegistryDbContext>()
            .UseSqlServer("Server=localhost;Database=none")
            .AddInterceptors(new NoConnection(), new AuditGuardInterceptor(), sent)
            .Options);

        // The same path with another table reaches the database (here: the recorder), in SQL Server's alias form.
        await db.Patients.Where(p => p.Mrn == "x").ExecuteDeleteAsync();
        await db.Patients.Where(p => p.Mrn == "x").ExecuteUpdateAsync(s => s.SetProperty(p => p.Sex, "M"));
        Assert.Contains("DELETE FROM [p]", sent.Texts[0]);
        Assert.Contains("FROM [patients] AS [p]", sent.Texts[0]);
        Assert.Contains("UPDATE [p]", sent.Texts[1]);

        var deleted = await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditLog.Where(a => a.Id == 1).ExecuteDeleteAsync());
        var updated = await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "x")));
        Assert.All([deleted, updated], e => Assert.Contains("append-only", e.Message));
        Assert.Equal(2, sent.Texts.Count);
    }

    /// <summary>Lets EF Core believe the connection opened: nothing here reaches a server.</summary>
    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>Records each command that passed the guard instead of executing it.</summary>
    private sealed class SentCommands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }
    }
}
