using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Changes;

/// <summary>
/// Whether the registry's clinical data may have changed since an earlier read, from one cheap read (no
/// table is scanned), so that a page may keep what it derived over many rows (a list's total, its
/// choices, the statistics' fingerprint) for as long as the stamp stays the same. Every insert, edit
/// and delete of clinical data writes an audit row in its own transaction (imports included), and audit
/// rows are never changed or removed, so the latest audit row changes with every committed change; what
/// else the stamp holds covers what that row alone would miss, and nothing else moves it (a background
/// job's bookkeeping, Hangfire's polling, does not):
/// <list type="bullet">
/// <item>SQLite (one writer at a time, ids given in commit order): the latest audit row's id and time,
/// and the schema cookie, which a rebuilt database (the tests' reset drops and re-creates the audit
/// triggers) changes even when the ids start again.</item>
/// <item>PostgreSQL: ids are given at insert, so two transactions may commit out of their ids' order: a
/// writer holding a lower id than the latest visible row may still be in progress. Every transaction
/// that has inserted an audit row holds a <c>RowExclusiveLock</c> on <c>audit_log</c> until it ends, so
/// the stamp also holds the virtual transaction ids holding that lock (read after the latest row): when
/// such a writer commits it leaves the list, and a writer that starts after the read takes a higher id.
/// And the table's file node, which a <c>TRUNCATE</c> (the tests' reset) changes.</item>
/// <item>SQL Server: no stamp (null): nothing is kept, every request derives afresh.</item>
/// </list>
/// Read the stamp before what it guards: what is derived after it is then at least as new as it. The stamp is
/// one statement, one round trip: its read of the latest row sees the statement's snapshot, taken as the
/// statement starts, so on PostgreSQL the writers in progress (pg_locks, not a snapshot) are read after it,
/// whatever order the server evaluates the two in.
/// </summary>
public static class ChangeStamp
{
    public static async Task<string?> ReadAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.ProviderName ?? "";
        var sqlite = provider.Contains("Sqlite", StringComparison.Ordinal);
        var postgres = provider.Contains("Npgsql", StringComparison.Ordinal);
        if (!sqlite && !postgres) return null;
        var table = ModelNames.Table(db, typeof(AuditEntry));
        var id = ModelNames.Column(db, typeof(AuditEntry), nameof(AuditEntry.Id));
        var at = ModelNames.Column(db, typeof(AuditEntry), nameof(AuditEntry.At));
        var audit = $"COALESCE((SELECT 'audit ' || {id} || ' at ' || {at} FROM {table} ORDER BY {id} DESC LIMIT 1), 'no audit row')";
        var engine = sqlite
            ? "'schema ' || (SELECT schema_version FROM pragma_schema_version)"
            : $"""
              'file ' || pg_relation_filenode('{table}'::regclass) || '; writing ' || COALESCE((
                  SELECT string_agg(l.virtualtransaction, ',' ORDER BY l.virtualtransaction)
                  FROM pg_locks AS l
                  WHERE l.locktype = 'relation' AND l.relation = '{table}'::regclass AND l.mode = 'RowExclusiveLock'
                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())), '')
              """;
        // Names from the model, delimited by the provider (regclass reads a delimited name as written): no input, nothing to inject.
        var sql = $"SELECT {engine} || '; ' || {audit} AS \"Value\"";
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync(ct);
    }
}
