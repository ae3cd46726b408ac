using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Worklists;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>
/// A user's recent entries (their home page) are found through the <c>(user_name, id)</c> index of the audit
/// trail (migration AuditLogUserIndex), not by scanning every audit row: the query's plan names the index.
/// An imported record's own rows (the import attribution) are found by entity and key on the <c>(entity,
/// record_key)</c> index, not by reading the whole index.
/// </summary>
public abstract class AuditUserIndexTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_users_latest_audit_rows_are_read_through_the_user_index()
    {
        var plan = await Database.ExecuteAsync(async db =>
        {
            var query = Inlined(RecentEntries.LatestRows(db, "alice").ToQueryString());
            if (Database.Provider == DatabaseProvider.Sqlite)
                return string.Join("\n", await RowsAsync(db, "EXPLAIN QUERY PLAN " + query, column: 3));
            // With the table nearly empty the planner would scan it whatever the indexes: forbid a scan to see
            // whether an index can serve the query at all (without one, PostgreSQL still scans).
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            return string.Join("\n", await RowsAsync(db, "EXPLAIN " + query, column: 0));
        });

        Assert.Contains("IX_audit_log_user_name_id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan); // the index's order is the query's: no sort
    }

    [Fact]
    public async Task Imported_records_own_audit_rows_are_searched_by_entity_and_key()
    {
        RegistryRecord[] records = [new Patient { PatientId = "P1" }, new Operation { CaseId = "C1" }, new FollowUp { FollowupId = "F1" }, new FollowUp { FollowupId = "F2" }];
        var plan = await Database.ExecuteAsync(async db =>
        {
            var query = Inlined(ImportAttribution.OwnRows(db, records).ToQueryString());
            if (Database.Provider == DatabaseProvider.Sqlite)
                return string.Join("\n", await RowsAsync(db, "EXPLAIN QUERY PLAN " + query, column: 3));
            await db.Database.OpenConnectionAsync(); // the setting holds for this session only: keep it open
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            return string.Join("\n", await RowsAsync(db, "EXPLAIN " + query, column: 0));
        });

        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("SEARCH a USING INDEX IX_audit_log_entity_record_key (entity=? AND record_key=?)", plan);
            Assert.DoesNotContain("SCAN", plan);
        }
        else Assert.Matches(@"Index Scan on ""IX_audit_log_entity_record_key""[^\n]*\n\s+Index Cond: \(+entity\)::text = 'followup'", plan);
    }

    /// <summary>The query of <c>ToQueryString</c> with its parameters (declared in the lines above the SELECT) written in.</summary>
    private static string Inlined(string text)
    {
        var start = text.IndexOf("SELECT", StringComparison.Ordinal);
        var sql = text[start..];
        foreach (var line in text[..start].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // PostgreSQL's list parameter: "-- @name={ 'a', 'b' }", an array.
            var array = System.Text.RegularExpressions.Regex.Match(line, @"(@\w+)=\{ ?([^}]*?) ?\}");
            if (array.Success)
            {
                sql = System.Text.RegularExpressions.Regex.Replace(sql, array.Groups[1].Value + @"\b", $"ARRAY[{array.Groups[2].Value}]::text[]");
                continue;
            }
            // SQLite: ".param set @name 'value'"; PostgreSQL: "-- @name='value'" (a type may follow).
            var match = System.Text.RegularExpressions.Regex.Match(line, @"(@\w+)[ =]('[^']*'|\d+)");
            if (match.Success) sql = System.Text.RegularExpressions.Regex.Replace(sql, match.Groups[1].Value + @"\b", match.Groups[2].Value);
        }
        return sql;
    }

    private static async Task<List<string>> RowsAsync(RegistryDbContext db, string sql, int column)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetValue(column).ToString()!);
        return rows;
    }
}

public sealed class SqliteAuditUserIndexTests(SqliteTestDatabase database) : AuditUserIndexTests<SqliteTestDatabase>(database);

public sealed class PostgresAuditUserIndexTests(PostgresTestDatabase database) : AuditUserIndexTests<PostgresTestDatabase>(database);
