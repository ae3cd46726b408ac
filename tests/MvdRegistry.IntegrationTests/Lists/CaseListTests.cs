using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Web.Pages.Cases;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>/Cases on the reference registry (408 patients at BCN, HOU, PIT and SEO), read only: imported once per class.</summary>
public abstract class CaseListTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>The reference registry is imported once and only read: no reset between tests.</summary>
    public override Task InitializeAsync() => ListPages.ImportReferenceOnceAsync(Database);

    private async Task<List<string>> CaseIdsOfSiteAsync(string site)
    {
        await using var db = Database.NewContext();
        return await db.Operations.Where(o => o.Patient!.SiteCode == site).Select(o => o.CaseId).ToListAsync();
    }

    [Fact]
    public async Task A_surgeon_pages_through_exactly_the_operations_of_the_granted_site()
    {
        var client = await SignedInAsync("surgeon.hou");

        var listed = await ListPages.AllCaseIdsAsync(client, "/Cases", IndexModel.PageSize);

        var houston = await CaseIdsOfSiteAsync("HOU");
        Assert.True(houston.Count > IndexModel.PageSize * 2, "the reference registry should fill several pages for HOU");
        Assert.Equal(houston.Order(), listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task An_administrator_pages_through_every_operation_in_order_past_the_deep_offset()
    {
        var client = await SignedInAsync("admin");

        var listed = await ListPages.AllCaseIdsAsync(client, "/Cases", IndexModel.PageSize);

        await using var db = Database.NewContext();
        var expected = await db.Operations.OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId).Select(o => o.CaseId).ToListAsync();
        Assert.True(expected.Count > IndexModel.DeepOffset + IndexModel.PageSize, "the pages past the deep offset are read joined and sorted: some must be read");
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task The_list_is_ordered_by_surgery_date_latest_first_and_page_links_keep_the_filters()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/Cases?indication=HFS&surgeon=HOU-S2");

        await using var db = Database.NewContext();
        var expected = await db.Operations
            .Where(o => o.Patient!.SiteCode == "HOU" && o.Indication == "HFS" && o.SurgeonCode == "HOU-S2")
            .OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId).Select(o => o.CaseId).ToListAsync();
        Assert.Equal(expected.Count, ListPages.Count(page));
        Assert.Equal(expected.Take(IndexModel.PageSize), ListPages.CaseIds(page));
        Assert.Contains("href=\"/Cases?indication=HFS&amp;surgeon=HOU-S2&amp;p=2\"", page);
        var second = await client.GetStringAsync("/Cases?indication=HFS&surgeon=HOU-S2&p=2");
        Assert.Equal(expected.Skip(IndexModel.PageSize).Take(IndexModel.PageSize), ListPages.CaseIds(second));
    }

    [Fact]
    public async Task Search_by_MRN_finds_the_patient_of_a_granted_site_but_not_of_another_site()
    {
        var houston = await SignedInAsync("surgeon.hou");

        var own = await houston.GetStringAsync("/Cases?q=HOU2171979");
        var other = await houston.GetStringAsync("/Cases?q=PIT4502465");

        Assert.Equal(["C07000001"], ListPages.CaseIds(own));
        Assert.Contains("HOU2171979", own);
        Assert.Equal(0, ListPages.Count(other));
        Assert.DoesNotContain("C07000002", other);
        var pittsburgh = await SignedInAsync("surgeon.pit");
        Assert.Equal(["C07000002"], ListPages.CaseIds(await pittsburgh.GetStringAsync("/Cases?q=PIT4502465")));
    }

    [Fact]
    public async Task Search_by_registry_key_finds_an_operation_by_its_own_key_or_its_patient_in_any_letter_case()
    {
        var client = await SignedInAsync("surgeon.hou");

        Assert.Equal(["C07000001"], ListPages.CaseIds(await client.GetStringAsync("/Cases?q=c07000001")));
        Assert.Equal(["C07000001"], ListPages.CaseIds(await client.GetStringAsync("/Cases?q=P0700001")));
    }

    [Fact]
    public async Task The_site_indication_and_year_filters_narrow_the_list_in_the_database()
    {
        var admin = await SignedInAsync("admin");
        await using var db = Database.NewContext();
        var year = await db.Operations.Where(o => o.Patient!.SiteCode == "SEO" && o.Indication == "TN")
            .Select(o => o.SurgeryDate!.Value.Year).FirstAsync();
        var expected = await db.Operations
            .Where(o => o.Patient!.SiteCode == "SEO" && o.Indication == "TN"
                && o.SurgeryDate >= new DateOnly(year, 1, 1) && o.SurgeryDate < new DateOnly(year + 1, 1, 1))
            .Select(o => o.CaseId).ToListAsync();

        var listed = await ListPages.AllCaseIdsAsync(admin, $"/Cases?site=SEO&indication=TN&year={year}", IndexModel.PageSize);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task The_overdue_filter_lists_exactly_the_operations_the_follow_up_schedule_calls_overdue()
    {
        var client = await SignedInAsync("surgeon.hou");
        var today = Today.Of(TimeProvider.System);

        var listed = await ListPages.AllCaseIdsAsync(client, "/Cases?overdue=true", IndexModel.PageSize);

        await using var db = Database.NewContext();
        var registry = await RegistryLoader.LoadAsync(db);
        var expected = registry.Operations
            .Where(o => o.Patient!.SiteCode == "HOU" && o.Patient.ConsentStatus != Codes.Withdrawn)
            .Where(o => FollowUpSchedule.Overdue(OutcomeDerivation.Derive(o), today) is not null)
            .Select(o => o.CaseId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task The_overdue_filter_pages_in_the_list_order_for_one_site_for_a_site_filter_and_for_all_sites()
    {
        var today = Today.Of(TimeProvider.System);
        await using var db = Database.NewContext();
        var registry = await RegistryLoader.LoadAsync(db);
        List<string> Expected(Func<Core.Model.Operation, bool> where) => registry.Operations
            .Where(o => o.Patient!.ConsentStatus != Codes.Withdrawn && where(o))
            .Where(o => FollowUpSchedule.Overdue(OutcomeDerivation.Derive(o), today) is not null)
            .OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId, StringComparer.Ordinal)
            .Select(o => o.CaseId).ToList();
        var surgeon = await SignedInAsync("surgeon.hou");
        var admin = await SignedInAsync("admin");

        var houston = Expected(o => o.Patient!.SiteCode == "HOU");
        var seoulTn = Expected(o => o.Patient!.SiteCode == "SEO" && o.Indication == "TN");
        var all = Expected(_ => true);

        Assert.True(houston.Count > IndexModel.PageSize, "the surgeon's overdue list should fill more than one page");
        Assert.NotEmpty(seoulTn);
        Assert.Equal(houston, await ListPages.AllCaseIdsAsync(surgeon, "/Cases?overdue=true", IndexModel.PageSize));
        Assert.Equal(seoulTn, await ListPages.AllCaseIdsAsync(admin, "/Cases?overdue=true&site=SEO&indication=TN", IndexModel.PageSize));
        Assert.Equal(all, await ListPages.AllCaseIdsAsync(admin, "/Cases?overdue=true", IndexModel.PageSize));
    }

    [Fact]
    public async Task A_surgeon_is_offered_a_new_operation_and_an_administrator_is_not()
    {
        var surgeon = await (await SignedInAsync("surgeon.hou")).GetStringAsync("/Cases");
        var admin = await (await SignedInAsync("admin")).GetStringAsync("/Cases");

        Assert.Contains("href=\"/Cases/New\"", surgeon);
        Assert.DoesNotContain("href=\"/Cases/New\"", admin);
        Assert.Equal(433, ListPages.Count(admin));
    }

    [Fact]
    public async Task A_researcher_is_denied_the_identified_operations_list()
    {
        var client = await SignedInAsync("researcher");

        var response = await client.GetAsync("/Cases?q=HOU2171979");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteCaseListTests(SqliteTestDatabase database) : CaseListTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseListTests(PostgresTestDatabase database) : CaseListTests<PostgresTestDatabase>(database);
