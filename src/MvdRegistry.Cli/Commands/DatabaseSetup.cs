using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Cli.Commands;

internal static class DatabaseSetup
{
    /// <summary>
    /// The embedded SQLite database is created and migrated on first use; a server database is
    /// migrated only by the `migrate` verb or its deployment script, as its administrators decide.
    /// </summary>
    public static async Task PrepareAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) await db.Database.MigrateAsync(ct);
    }
}
