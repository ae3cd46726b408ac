using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>
/// Fails when the model changed without a migration for every provider, or when a deployment script
/// in database/ no longer matches the migrations (regenerate with database/generate-scripts.sh).
/// Nothing here connects to a database.
/// </summary>
public class MigrationsAreCurrentTests
{
    private static readonly FixedUser User = new("test");

    private static RegistryDbContext Sqlite() => new SqliteRegistryDbContext(RegistryDatabase.Options<SqliteRegistryDbContext>(o => o.UseSqlite("Data Source=:memory:"), User));

    private static RegistryDbContext Postgres() => new PostgresRegistryDbContext(RegistryDatabase.Options<PostgresRegistryDbContext>(o => o.UseNpgsql("Host=localhost;Database=none"), User));

    private static RegistryDbContext SqlServer() => new SqlServerRegistryDbContext(RegistryDatabase.Options<SqlServerRegistryDbContext>(o => o.UseSqlServer("Server=localhost;Database=none"), User));

    public static TheoryData<string> Providers => ["sqlite", "postgres", "sqlserver"];

    private static RegistryDbContext Context(string provider) => provider switch
    {
        "sqlite" => Sqlite(),
        "postgres" => Postgres(),
        _ => SqlServer(),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"the model changed: add a migration for {provider} (see src/MvdRegistry.Data/ProviderContexts.cs)");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void The_deployment_script_matches_the_migrations(string provider)
    {
        using var db = Context(provider);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var file = Path.Combine(Paths.RepositoryRoot, "database", provider, "registry.sql");

        Assert.True(Normalise(File.ReadAllText(file)) == Normalise(generated),
            $"{file} is stale: run database/generate-scripts.sh");
    }

    private static string Normalise(string sql) =>
        string.Join('\n', sql.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}
