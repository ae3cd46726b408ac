using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Worklists;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>
/// A user's recent entries (their home page) are found through the <c>(user_name, id)</c> index of the audit
/// trail (migration AuditLogUserIndex), not by scanning every audit row: the query's plan names the index.
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

    /// <summary>The query of <c>ToQueryString</c> with its parameters (declared in the lines above the SELECT) written in.</summary>
    private static string Inlined(string text)
    {
        var start = text.IndexOf("SELECT", StringComparison.Ordinal);
        var sql = text[start..];
        foreach (var line in text[..start].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
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
