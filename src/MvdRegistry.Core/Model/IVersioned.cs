namespace MvdRegistry.Core.Model;

/// <summary>
/// An editable row with an application-managed optimistic concurrency token (not SQL Server's
/// rowversion) that behaves the same on SQLite, PostgreSQL and SQL Server: every update increments it.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
