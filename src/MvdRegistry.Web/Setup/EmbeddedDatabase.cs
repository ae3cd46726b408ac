using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.Web.Setup;

public static class EmbeddedDatabase
{
    /// <summary>
    /// The embedded SQLite database is created and migrated at start, and an empty one is filled with
    /// demo data when Registry:DemoPatients asks for it. Server databases are left to their
    /// administrators: `mvd migrate` or the scripts in database/.
    /// </summary>
    public static async Task PrepareEmbeddedDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (!db.Database.IsSqlite()) return;
        await db.Database.MigrateAsync();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value;
        if (options.DemoPatients <= 0 || await db.Patients.AnyAsync()) return;
        var result = await DemoSeeder.SeedAsync(db, new FixedUser("demo-seed"), options.DemoPatients, options.DemoSeed, TimeProvider.System);
        await DemoUsers.SeedAsync(db);
        app.Logger.LogInformation("Seeded the embedded database with {Rows} demo rows ({Patients} patients) and its sign-in users", result.Inserted, options.DemoPatients);
        // Its first statistics snapshot, computed by the job servers as soon as they start.
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await StatisticsJob.EnqueueAsync(scope.ServiceProvider.GetRequiredService<JobLauncher>(), Today.Of(clock), "demo-seed");
    }
}
