using MvdRegistry.Core.Demo;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Reporting.Export;
using MvdRegistry.Reporting.Import;

namespace MvdRegistry.Reporting.Demo;

/// <summary>
/// Fills the registry with synthetic patients. The data go through the import bundle and the
/// importer, so demo data meet every rule that real data meet, and are audited the same way.
/// </summary>
public static class DemoSeeder
{
    public static async Task<ImportResult> SeedAsync(RegistryDbContext db, ICurrentUser user, int patients, int seed, TimeProvider clock, CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("mvd-demo-").FullName;
        try
        {
            await WriteBundleAsync(folder, patients, seed, clock, ct);
            return await new BundleImporter(db, user, clock).ImportAsync(folder, ct);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static Task WriteBundleAsync(string directory, int patients, int seed, TimeProvider clock, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return CsvBundleWriter.WriteAsync(DemoGenerator.Generate(patients, seed, today), directory, ct);
    }
}
