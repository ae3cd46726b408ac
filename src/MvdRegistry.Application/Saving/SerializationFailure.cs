using System.Data.Common;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// Whether an exception, or one it wraps (EF Core wraps a failed SaveChanges' in a DbUpdateException), is the
/// database's refusal of a serializable transaction that a concurrent one made impossible (SQLSTATE 40001,
/// PostgreSQL's "could not serialize access"), which running the whole transaction again may overcome.
/// </summary>
public static class SerializationFailure
{
    public const string SqlState = "40001";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { SqlState: SqlState }) return true;
        return false;
    }
}
