using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MvdRegistry.Data.Auditing;

/// <summary>
/// The application's first line in front of the audit trail: refuses SQL sent through the context
/// (ExecuteUpdate, ExecuteDelete, raw SQL) that would change, delete, replace or truncate audit rows,
/// or drop, alter or disable what guards them. The database itself is the guard that holds: the
/// AuditLogAppendOnly migration's triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL, and
/// REPLACE on SQLite) whatever the SQL and whichever connection sends it. The test reset clears the
/// table with its own connection, lifting the triggers as a DBA would.
/// </summary>
public sealed partial class AuditGuardInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Guard(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Guard(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Guard(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Guard(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Guard(command, eventData);
        return ValueTask.FromResult(result);
    }

    // Migrations are the registry's own schema changes (they create and drop the triggers).
    private static void Guard(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.Migrations && ChangesAuditTrail(command.CommandText))
            throw new InvalidOperationException("The audit trail is append-only: audit rows cannot be changed or deleted.");
    }

    /// <summary>
    /// True when one statement of the command names the audit table (or its triggers) together with a
    /// verb that changes or removes rows or the guard: UPDATE, DELETE, REPLACE, TRUNCATE, DROP, ALTER,
    /// DISABLE, RENAME; or when it touches <c>session_replication_role</c>, which silences triggers.
    /// The statement's words are looked for anywhere in it, not next to each other, so schema names,
    /// quotes, brackets, comments and aliases (<c>DELETE FROM [a] FROM [audit_log] AS [a]</c>) do not
    /// hide them. SaveChanges' batches put each INSERT of audit rows in a statement of its own.
    /// </summary>
    public static bool ChangesAuditTrail(string commandText) =>
        // Most commands name neither: they are not split and searched statement by statement.
        (commandText.Contains("audit_log", StringComparison.OrdinalIgnoreCase) || commandText.Contains("session_replication_role", StringComparison.OrdinalIgnoreCase))
        && Statements(commandText).Any(s => SilencesTriggers().IsMatch(s) || (AuditTable().IsMatch(s) && ChangingVerb().IsMatch(s)));

    /// <summary>
    /// Splits a command at the semicolons that end statements: not those inside quotes, brackets or
    /// comments, whose text stays in its statement (so <c>EXEC('DELETE FROM audit_log')</c> is seen).
    /// </summary>
    private static IEnumerable<string> Statements(string sql)
    {
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            i = c switch
            {
                '\'' or '"' or '`' => After(sql, c.ToString(), i + 1),
                '[' => After(sql, "]", i + 1),
                '-' when next == '-' => After(sql, "\n", i + 2),
                '/' when next == '*' => AfterComment(sql, i + 2),
                '$' when DollarTag().Match(sql, i) is { Success: true } tag => After(sql, tag.Value, i + tag.Length),
                _ => i + 1,
            };
            if (c == ';')
            {
                yield return sql[start..(i - 1)];
                start = i;
            }
        }
        if (start < sql.Length) yield return sql[start..];
    }

    private static int After(string sql, string end, int from)
    {
        var at = sql.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? sql.Length : at + end.Length;
    }

    // PostgreSQL and SQL Server nest block comments; reading them nested everywhere only ever joins
    // statements, never splits one.
    private static int AfterComment(string sql, int from)
    {
        var depth = 1;
        for (var i = from; i < sql.Length - 1; i++)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i++;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                if (--depth == 0) return i + 2;
                i++;
            }
        }
        return sql.Length;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_$])audit_log", RegexOptions.IgnoreCase)]
    private static partial Regex AuditTable();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(UPDATE|DELETE|REPLACE|TRUNCATE|DROP|ALTER|DISABLE|RENAME)(?![A-Za-z0-9_])", RegexOptions.IgnoreCase)]
    private static partial Regex ChangingVerb();

    [GeneratedRegex(@"session_replication_role", RegexOptions.IgnoreCase)]
    private static partial Regex SilencesTriggers();

    // A PostgreSQL dollar quote opening: $$ or $tag$ (not a positional parameter such as $1).
    [GeneratedRegex(@"\G\$([A-Za-z_][A-Za-z0-9_]*)?\$")]
    private static partial Regex DollarTag();
}
