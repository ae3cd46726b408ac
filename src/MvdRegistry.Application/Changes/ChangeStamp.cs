using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Changes;

/// <summary>
/// Whether the registry's clinical data may have changed since an earlier read, from one cheap read (no
/// table is scanned), so that a page may keep what it derived over many rows (a list's total, its
/// choices, the statistics' fingerprint) for as long as the stamp stays the same. Every insert, edit
/// and delete of clinical data writes an audit row in its own transaction (imports included), so the
/// latest audit row changes with every committed change; what else the stamp holds covers what that
/// row alone would miss:
/// <list type="bullet">
/// <item>SQLite (one writer at a time, ids given in commit order): the latest audit row's id and time,
/// and the schema cookie, which a rebuilt database (the tests' reset drops and re-creates the audit
/// triggers) changes even when the ids start again.</item>
/// <item>PostgreSQL: the current snapshot (<c>pg_current_snapshot()</c>): two transactions may commit
/// out of their ids' order, but the snapshot changes with every transaction given an id and with every
/// commit of one in progress.</item>
/// <item>SQL Server: no stamp (null): nothing is kept, every request derives afresh.</item>
/// </list>
/// Read the stamp before what it guards: what is derived after it is then at least as new as it.
/// </summary>
public static class ChangeStamp
{
    public static async Task<string?> ReadAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var provider = db.Database.ProviderName ?? "";
        string? engine;
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
            engine = "schema " + await db.Database.SqlQueryRaw<long>("SELECT schema_version AS \"Value\" FROM pragma_schema_version").SingleAsync(ct);
        else if (provider.Contains("Npgsql", StringComparison.Ordinal))
            engine = "snapshot " + await db.Database.SqlQueryRaw<string>("SELECT pg_current_snapshot()::text AS \"Value\"").SingleAsync(ct);
        else
            return null;
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.At }).FirstOrDefaultAsync(ct);
        return last is null ? $"{engine}; no audit row" : $"{engine}; audit {last.Id} at {last.At:O}";
    }
}
