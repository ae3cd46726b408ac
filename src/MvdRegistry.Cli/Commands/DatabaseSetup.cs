using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Cli.Commands;

internal static class DatabaseSetup
{
    /// <summary>
    /// The embedded SQLite database is created and migrated on first use; a server database is
    /// migrated only by the `migrate` verb or its deployment script, as its administrators decide. Migrating
    /// is asked for only when a migration is pending: MigrateAsync also takes the migrations lock and compares the
    /// model with the last migration's snapshot (tests/…/MigrationsAreCurrentTests does that), a few tenths of a
    /// second of every command's start.
    /// </summary>
    public static async Task PrepareAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite() && (await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
    }
}
