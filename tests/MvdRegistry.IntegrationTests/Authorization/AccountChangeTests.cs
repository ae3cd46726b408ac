using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Authorization;

/// <summary>
/// A user's roles, site grants and account are read from the registry on every request, so a change made
/// outside the administration pages (in the database itself, as the command line, another host or an SQL
/// session would make it, with no version bumped and no audit row) holds from that user's next request,
/// on a client signed in before the change.
/// </summary>
public abstract class AccountChangeTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private Task SqlAsync(string sql, params object[] values) =>
        Database.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(sql, values));

    [Fact]
    public async Task A_role_changed_in_the_database_holds_from_the_next_request()
    {
        var surgeon = await SignedInAsync("surgeon.hou");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);

        await SqlAsync("UPDATE user_accounts SET roles = {0} WHERE user_name = {1}", "Researcher", "surgeon.hou");
        Assert.Equal(HttpStatusCode.Forbidden, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);

        await SqlAsync("UPDATE user_accounts SET roles = {0} WHERE user_name = {1}", "Surgeon", "surgeon.hou");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);
    }

    [Fact]
    public async Task A_site_grant_removed_or_added_in_the_database_holds_from_the_next_request()
    {
        var surgeon = await SignedInAsync("surgeon.hou");
        Assert.Equal(HttpStatusCode.NotFound, (await surgeon.GetAsync($"/api/operations/{CaseId(Other)}")).StatusCode);

        await Database.InsertAsync(new UserSite { UserName = "surgeon.hou", SiteCode = Other });
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/operations/{CaseId(Other)}")).StatusCode);

        await SqlAsync("DELETE FROM user_sites WHERE user_name = {0} AND site_code = {1}", "surgeon.hou", Own);
        Assert.Equal(HttpStatusCode.NotFound, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/operations/{CaseId(Other)}")).StatusCode);
    }

    [Fact]
    public async Task An_account_removed_in_the_database_has_no_roles_or_sites_from_the_next_request()
    {
        var surgeon = await SignedInAsync("surgeon.hou");
        Assert.Equal(HttpStatusCode.OK, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);

        await Database.ExecuteAsync(async db =>
        {
            await db.Surgeons.Where(s => s.UserName == "surgeon.hou").ExecuteUpdateAsync(s => s.SetProperty(x => x.UserName, (string?)null));
            await db.Users.Where(u => u.UserName == "surgeon.hou").ExecuteDeleteAsync();
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await surgeon.GetAsync($"/api/operations/{CaseId(Own)}")).StatusCode);
        var page = await surgeon.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Two_users_signed_in_at_once_each_get_their_own_grants()
    {
        var houston = await SignedInAsync("surgeon.hou");
        var barcelona = await SignedInAsync("surgeon.bcn");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? houston : barcelona).GetAsync($"/api/operations/{CaseId(Own)}")));

        Assert.All(answers.Where((_, i) => i % 2 == 0), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Where((_, i) => i % 2 == 1), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
    }
}

public sealed class SqliteAccountChangeTests(SqliteTestDatabase database) : AccountChangeTests<SqliteTestDatabase>(database);

public sealed class PostgresAccountChangeTests(PostgresTestDatabase database) : AccountChangeTests<PostgresTestDatabase>(database);
