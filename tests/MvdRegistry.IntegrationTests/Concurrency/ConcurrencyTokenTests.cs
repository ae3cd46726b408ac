using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Concurrency;

public abstract class ConcurrencyTokenTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Every_update_increments_the_row_version()
    {
        await Database.SeedAsync(new Seed().Site("HOU", "Houston").Patient("P1", "HOU"));

        await using (var db = Database.NewContext())
        {
            var patient = await db.Patients.SingleAsync();
            Assert.Equal(1, patient.Version);
            patient.Sex = "M";
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await Database.ExecuteAsync(async db => (await db.Patients.SingleAsync()).Version));
    }

    [Fact]
    public async Task A_second_editor_of_a_stale_row_gets_a_conflict_not_a_silent_overwrite()
    {
        await Database.SeedAsync(new Seed().Site("HOU", "Houston").Patient("P1", "HOU"));
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var mine = await first.Patients.SingleAsync();
        var theirs = await second.Patients.SingleAsync();

        mine.Sex = "M";
        await first.SaveChangesAsync();
        theirs.Sex = "U";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("M", await Database.ExecuteAsync(async db => (await db.Patients.SingleAsync()).Sex));
    }

    [Fact]
    public async Task Sites_and_user_accounts_carry_the_same_token()
    {
        await Database.SeedAsync(new Seed().Site("HOU", "Houston").Patient("P1", "HOU"));
        await Database.InsertAsync(new UserAccount { UserName = "u1", DisplayName = "U", Roles = "Surgeon" });
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var site = await first.Sites.SingleAsync();
        var user = await first.Users.SingleAsync();
        var staleSite = await second.Sites.SingleAsync();
        var staleUser = await second.Users.SingleAsync();
        site.Name = "Houston Methodist";
        user.Roles = "Surgeon|Researcher";
        await first.SaveChangesAsync();
        Assert.Equal((2, 2), (site.Version, user.Version));

        staleSite.Name = "Other";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        second.ChangeTracker.Clear();
        second.Attach(staleUser);
        staleUser.Roles = "Researcher";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}

public sealed class SqliteConcurrencyTokenTests(SqliteTestDatabase database) : ConcurrencyTokenTests<SqliteTestDatabase>(database);

public sealed class PostgresConcurrencyTokenTests(PostgresTestDatabase database) : ConcurrencyTokenTests<PostgresTestDatabase>(database);
