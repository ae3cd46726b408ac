using System.Text.Json.Nodes;
using MvdRegistry.Core.Tests.Statistics;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>The researcher's path end to end: import the reference registry, run `stats --json`, compare with R.</summary>
public abstract class StatsCommandTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Stats_after_importing_the_reference_registry_reproduce_expected_json()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        var output = Path.Combine(Path.GetTempPath(), $"mvd-stats-{Guid.NewGuid():N}.json");
        try
        {
            var outcome = await CliRun.RunAsync(Database.Configuration, "stats", "--json", output, "--as-of", "2026-11-25");

            Assert.Equal(0, outcome.ExitCode);
            var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.ReferenceSmall, "expected.json")));
            var actual = JsonNode.Parse(await File.ReadAllTextAsync(output));
            var differences = JsonReferenceComparer.Compare(expected, actual);
            Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Stats_with_a_bad_date_is_a_usage_error()
    {
        var outcome = await CliRun.RunAsync(Database.Configuration, "stats", "--json", "x.json", "--as-of", "25/11/2026");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("is not a date", outcome.Error);
    }
}

public sealed class SqliteStatsCommandTests(SqliteTestDatabase database) : StatsCommandTests<SqliteTestDatabase>(database);

public sealed class PostgresStatsCommandTests(PostgresTestDatabase database) : StatsCommandTests<PostgresTestDatabase>(database);
