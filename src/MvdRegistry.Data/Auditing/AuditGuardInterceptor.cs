using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MvdRegistry.Data.Auditing;

/// <summary>
/// Refuses SQL that would update or delete audit rows (ExecuteUpdate, ExecuteDelete, raw SQL through
/// the context), which bypass SaveChanges. The test reset clears the table with its own connection.
/// </summary>
public sealed partial class AuditGuardInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Guard(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Guard(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Guard(command);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbCommand command)
    {
        if (ChangesAudit().IsMatch(command.CommandText))
            throw new InvalidOperationException("The audit trail is append-only: audit rows cannot be changed or deleted.");
    }

    [GeneratedRegex(@"\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|DROP\s+TABLE)\s+[\[""`]?(dbo\.|public\.)?[\[""`]?audit_log\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesAudit();
}
