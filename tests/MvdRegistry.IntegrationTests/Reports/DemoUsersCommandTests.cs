using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Reports;

/// <summary>`mvd demo-users`: the development sign-in's users for a registry filled by an import (tests/bench.sh).</summary>
public abstract class DemoUsersCommandTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task An_imported_registry_gets_one_surgeon_per_site_a_researcher_and_an_administrator_of_every_site()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

        var outcome = await CliRun.RunAsync(Database.Configuration, "demo-users");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal("Added 6 users: admin, researcher, surgeon.bcn, surgeon.hou, surgeon.pit, surgeon.seo.", outcome.Out.Trim());
        await using var db = Db();
        var users = await db.Users.AsNoTracking().Include(u => u.Sites).OrderBy(u => u.UserName).ToListAsync();
        Assert.Equal(["BCN", "HOU", "PIT", "SEO"], users.Single(u => u.UserName == "admin").Sites.Select(s => s.SiteCode).Order());
        Assert.Equal(["HOU"], users.Single(u => u.UserName == "surgeon.hou").Sites.Select(s => s.SiteCode));
        Assert.Equal("Researcher", users.Single(u => u.UserName == "researcher").Roles);
    }

    [Fact]
    public async Task A_registry_that_has_users_is_refused_and_nothing_is_added()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "demo-users")).ExitCode);
        await using var before = Db();
        var count = await before.Users.CountAsync();

        var outcome = await CliRun.RunAsync(Database.Configuration, "demo-users");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: the registry already has users: nothing was added.", outcome.Error.Trim());
        await using var after = Db();
        Assert.Equal(count, await after.Users.CountAsync());
    }
}

public sealed class SqliteDemoUsersCommandTests(SqliteTestDatabase database) : DemoUsersCommandTests<SqliteTestDatabase>(database);

public sealed class PostgresDemoUsersCommandTests(PostgresTestDatabase database) : DemoUsersCommandTests<PostgresTestDatabase>(database);
