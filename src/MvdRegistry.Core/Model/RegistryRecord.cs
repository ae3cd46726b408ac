namespace MvdRegistry.Core.Model;

/// <summary>What every editable clinical row carries besides its variables.</summary>
public abstract class RegistryRecord
{
    /// <summary>
    /// Optimistic concurrency token, managed by the application (not SQL Server's rowversion) so that
    /// it behaves the same on SQLite, PostgreSQL and SQL Server: every update increments it.
    /// </summary>
    public int Version { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
