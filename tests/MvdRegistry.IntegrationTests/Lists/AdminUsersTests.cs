using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Web.Pages.Admin.Users;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.IntegrationTests.Lists;

public abstract partial class AdminUsersTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(Today.Of(TimeProvider.System))
            .Case("C-HOU", "HOU", operatedDaysAgo: 100, surgeon: "HOU-S1")
            .Case("C-HOU2", "HOU", operatedDaysAgo: 100, surgeon: "HOU-S2")
            .Case("C-PIT", "PIT", operatedDaysAgo: 100, surgeon: "PIT-S1")
            .DemoUsers()
            .SaveAsync(db);
    }

    private static KeyValuePair<string, string>[] Form(string displayName, string[] roles, string[] sites, string surgeonCode = "") =>
    [
        new("Input.DisplayName", displayName),
        .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)),
        .. sites.Select(s => new KeyValuePair<string, string>("Input.Sites", s)),
        new("Input.SurgeonCode", surgeonCode),
    ];

    /// <summary>Opens a user's edit form, then posts the fields with its antiforgery token and the version it shows.</summary>
    private static async Task<HttpResponseMessage> EditUserAsync(HttpClient client, string userName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetStringAsync("/Admin/Users/Edit/" + userName);
        return await PostUserFormAsync(client, userName, form, fields);
    }

    /// <summary>Posts the fields from a form opened earlier, with that form's token and version.</summary>
    private static Task<HttpResponseMessage> PostUserFormAsync(HttpClient client, string userName, string form, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync("/Admin/Users/Edit/" + userName, new FormUrlEncodedContent(fields
            .Append(new("Input.Version", Version().Match(form).Groups[1].Value))
            .Append(new("__RequestVerificationToken", RegistryWebFactory.AntiforgeryToken(form)))));

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();

    private async Task<UserAccount> AccountAsync(string userName)
    {
        await using var db = Database.NewContext();
        return await db.Users.AsNoTracking().Include(u => u.Sites).SingleAsync(u => u.UserName == userName);
    }

    [Fact]
    public async Task The_user_list_shows_each_users_roles_sites_and_surgeon_code()
    {
        var admin = await SignedInAsync("admin");

        var page = await admin.GetStringAsync("/Admin/Users");

        Assert.Matches("<td>surgeon.hou</td>\\s*<td>Surgeon at HOU</td>\\s*<td>\\s*<span[^>]*>Surgeon</span>\\s*</td>\\s*<td>HOU</td>\\s*<td>HOU-S1</td>", page);
        Assert.Contains("href=\"/Admin/Users/Edit/surgeon.hou\"", page);
    }

    [Fact]
    public async Task A_site_granted_by_an_administrator_is_seen_by_the_user_on_their_next_request()
    {
        var surgeon = await SignedInAsync("surgeon.hou");
        Assert.Equal(0, ListPages.Count(await surgeon.GetStringAsync("/Cases?q=PITC-PIT")));
        var admin = await SignedInAsync("admin");

        var saved = await EditUserAsync(admin, "surgeon.hou", Form("Surgeon at HOU", ["Surgeon"], ["HOU", "PIT"], "HOU-S1"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["C-PIT"], ListPages.CaseIds(await surgeon.GetStringAsync("/Cases?q=PITC-PIT")));
        Assert.Equal(3, ListPages.Count(await surgeon.GetStringAsync("/Cases")));
        Assert.Equal(["HOU", "PIT"], (await AccountAsync("surgeon.hou")).Sites.Select(s => s.SiteCode).Order());
    }

    [Fact]
    public async Task A_removed_site_grant_hides_that_sites_operations_at_once()
    {
        var surgeon = await SignedInAsync("surgeon.hou");
        var admin = await SignedInAsync("admin");

        await EditUserAsync(admin, "surgeon.hou", Form("Surgeon at HOU", ["Surgeon"], ["PIT"], "HOU-S1"));

        Assert.Equal(["C-PIT"], ListPages.CaseIds(await surgeon.GetStringAsync("/Cases")));
    }

    [Fact]
    public async Task A_change_of_grants_roles_or_surgeon_code_is_written_to_the_audit_trail()
    {
        var admin = await SignedInAsync("admin");

        await EditUserAsync(admin, "surgeon.hou", Form("Surgeon at HOU", ["Surgeon", "Researcher"], ["HOU", "PIT"], "HOU-S2"));

        await using var db = Database.NewContext();
        var audit = await db.AuditLog.Where(a => a.Entity == UserAdministration.AuditEntity).OrderBy(a => a.Field).ToListAsync();
        Assert.Equal(
            [("roles", "Surgeon", "Surgeon|Researcher"), ("sites", "HOU", "HOU|PIT"), ("surgeon_code", "HOU-S1", "HOU-S2")],
            audit.Select(a => (a.Field!, a.OldValue!, a.NewValue!)));
        Assert.All(audit, a => Assert.Equal(("admin", "surgeon.hou", AuditAction.Update), (a.User, a.Key, a.Action)));
        Assert.Equal("surgeon.hou", (await db.Surgeons.SingleAsync(s => s.Code == "HOU-S2")).UserName);
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var admin = await SignedInAsync("admin");

        var response = await EditUserAsync(admin, "admin", Form("Registry administrator", ["Researcher"], ["HOU"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot remove your own Administrator role", await response.Content.ReadAsStringAsync());
        Assert.Equal("Administrator", (await AccountAsync("admin")).Roles);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task A_surgeon_code_linked_to_another_user_is_refused()
    {
        var admin = await SignedInAsync("admin");

        var response = await EditUserAsync(admin, "researcher", Form("Research fellow", ["Researcher"], [], "HOU-S1"));

        Assert.Contains("HOU-S1 is linked to surgeon.hou", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await AccountAsync("researcher")).SurgeonCode);
    }

    [Fact]
    public async Task An_added_user_can_sign_in_with_the_roles_and_sites_given()
    {
        var admin = await SignedInAsync("admin");

        var added = await ListPages.PostFormAsync(admin, "/Admin/Users/New",
            [new("UserName", "nurse@pit.example"), .. Form("Research nurse", ["Surgeon"], ["PIT"])]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var nurse = await SignedInAsync("nurse@pit.example");
        Assert.Equal(["C-PIT"], ListPages.CaseIds(await nurse.GetStringAsync("/Cases")));
        await using var db = Database.NewContext();
        Assert.Equal(AuditAction.Insert, (await db.AuditLog.SingleAsync(a => a.Key == "nurse@pit.example")).Action);
    }

    [Theory]
    [InlineData("nurse\u200b@pit.example", "Research nurse", "holds an invisible or control character (U+200B) at position 6")]
    [InlineData("nurse@pit.example", "=HYPERLINK(\"http://x\")", "a text value may not begin with =, +, - or @")]
    public async Task A_user_name_or_display_name_with_a_hidden_character_or_a_formula_is_refused_and_nothing_is_written(
        string userName, string displayName, string message)
    {
        var admin = await SignedInAsync("admin");

        var response = await ListPages.PostFormAsync(admin, "/Admin/Users/New", [new("UserName", userName), .. Form(displayName, ["Surgeon"], ["PIT"])]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await using var db = Database.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName.StartsWith("nurse")));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Key.StartsWith("nurse")));
    }

    [Fact]
    public async Task A_user_name_taken_in_another_letter_case_is_refused()
    {
        var admin = await SignedInAsync("admin");

        var response = await ListPages.PostFormAsync(admin, "/Admin/Users/New", [new("UserName", "Surgeon.HOU"), .. Form("Twin", ["Surgeon"], [])]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Surgeon.HOU already exists", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_user_form_is_refused_and_keeps_the_other_administrators_grant()
    {
        var first = await SignedInAsync("admin");
        var second = await SignedInAsync("admin");
        var staleForm = await first.GetStringAsync("/Admin/Users/Edit/surgeon.hou");
        var granted = await EditUserAsync(second, "surgeon.hou", Form("Surgeon at HOU", ["Surgeon"], ["HOU", "PIT"], "HOU-S1"));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var before = await AccountAsync("surgeon.hou");
        await using (var db = Database.NewContext())
        {
            var auditRows = await db.AuditLog.CountAsync();

            // The first administrator's form still shows HOU alone: saved as it is, it would remove PIT.
            var stale = await PostUserFormAsync(first, "surgeon.hou", staleForm, Form("Surgeon of Houston", ["Surgeon"], ["HOU"], "HOU-S1"));

            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
            Assert.Contains("Another administrator changed this user after you opened the form: nothing was saved.", page);
            Assert.Contains($"name=\"Input.Version\" value=\"{before.Version}\"", page);
            Assert.Equal(auditRows, await db.AuditLog.CountAsync());
        }
        var after = await AccountAsync("surgeon.hou");
        Assert.Equal(["HOU", "PIT"], after.Sites.Select(s => s.SiteCode).Order());
        Assert.Equal("Surgeon at HOU", after.DisplayName);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task A_change_of_site_grants_alone_moves_the_users_version_on()
    {
        var admin = await SignedInAsync("admin");
        var before = await AccountAsync("surgeon.hou");

        await EditUserAsync(admin, "surgeon.hou", Form(before.DisplayName, ["Surgeon"], ["HOU", "PIT"], "HOU-S1"));

        var after = await AccountAsync("surgeon.hou");
        Assert.Equal(["HOU", "PIT"], after.Sites.Select(s => s.SiteCode).Order());
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Theory]
    [InlineData("surgeon.hou")]
    [InlineData("researcher")]
    public async Task A_user_who_is_not_an_administrator_is_denied_user_administration(string userName)
    {
        var client = await SignedInAsync(userName);

        var list = await client.GetAsync("/Admin/Users");
        // A valid antiforgery token (from the sign-out form of the home page): only the role check stands in the way.
        var token = RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync("/"));
        var edit = await client.PostAsync("/Admin/Users/Edit/" + userName,
            new FormUrlEncodedContent([.. Form("Me", ["Administrator"], ["HOU", "PIT"]), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/Account/Denied", list.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Account/Denied", edit.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("Administrator", (await AccountAsync(userName)).Roles);
    }
}

public sealed class SqliteAdminUsersTests(SqliteTestDatabase database) : AdminUsersTests<SqliteTestDatabase>(database);

public sealed class PostgresAdminUsersTests(PostgresTestDatabase database) : AdminUsersTests<PostgresTestDatabase>(database);
