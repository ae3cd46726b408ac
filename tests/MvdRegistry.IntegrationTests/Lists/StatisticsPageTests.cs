using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Application.Statistics;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Web.Pages.Statistics;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>/Statistics on the reference registry, read only: imported once per class.</summary>
public abstract partial class StatisticsPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>The reference registry is imported once and only read: no reset between tests.</summary>
    public override async Task InitializeAsync()
    {
        await ListPages.ImportReferenceOnceAsync(Database);
        await using var db = Database.NewContext();
        if (!await db.Users.AnyAsync(u => u.UserName == "fellow.hou"))
        {
            db.Users.Add(new UserAccount
            {
                UserName = "fellow.hou", DisplayName = "Surgeon and researcher", Roles = $"{Roles.Surgeon}|{Roles.Researcher}",
                SurgeonCode = "HOU-S2", Sites = [new UserSite { SiteCode = "HOU" }],
            });
            await db.SaveChangesAsync();
        }
        // The snapshots the statistics job would compute for the views these tests open.
        await Database.SnapshotAsync();
        await Database.SnapshotAsync(new StatisticsFilter { From = 2000, To = DateTime.Today.Year });
        await Database.SnapshotAsync(new StatisticsFilter { Sites = ["HOU"] });
        await Database.SnapshotAsync(new StatisticsFilter { Sites = ["BCN", "PIT", "SEO"] });
        await Database.SnapshotAsync(new StatisticsFilter { Indication = "TN" });
    }

    private async Task<RegistrySnapshot> WholeRegistryAsync()
    {
        await using var db = Database.NewContext();
        var data = await RegistryLoader.LoadForStatisticsAsync(db);
        return RegistryStatistics.Compute(data.Patients, Today.Of(TimeProvider.System));
    }

    [Fact]
    public async Task A_researcher_sees_the_benefit_with_its_Wilson_interval_and_the_missing_one_year_count()
    {
        var client = await SignedInAsync("researcher");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));

        var hfs = (await WholeRegistryAsync()).Benefit["HFS"];
        Assert.Contains("Wilson 95% interval", page);
        Assert.Matches(Row(StatFormat.Count(hfs.Success1y), StatFormat.Percent(hfs.Success1y.P), StatFormat.Interval(hfs.Success1y), hfs.Missing1y.ToString()), page);
    }

    [Fact]
    public async Task The_statistics_page_shows_no_MRN_no_birth_date_and_no_exact_date()
    {
        var client = await SignedInAsync("researcher");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));

        await using var db = Database.NewContext();
        var mrns = await db.Patients.Select(p => p.Mrn!).ToListAsync();
        Assert.All(mrns, mrn => Assert.DoesNotContain(mrn, page));
        Assert.DoesNotMatch(IsoDate(), page);
        var birthDates = await db.Patients.Select(p => p.BirthDate!.Value).ToListAsync();
        Assert.All(birthDates, d => Assert.DoesNotContain(d.ToString("dd/MM/yyyy"), page));
    }

    [Fact]
    public async Task A_researcher_sees_surgeon_pseudonyms_and_no_surgeon_code()
    {
        var client = await SignedInAsync("researcher");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));

        Assert.DoesNotMatch(SurgeonCode(), page);
        // In pseudonym order: an order by code would group each site's surgeons together.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "Surgeon " + (char)('A' + i)), FunnelRows(page).Select(r => r.Name));
    }

    [Fact]
    public async Task An_administrator_sees_the_real_surgeon_codes()
    {
        var client = await SignedInAsync("admin");

        var funnel = FunnelRows(ListPages.Text(await client.GetStringAsync("/Statistics")));

        Assert.Equal(["BCN-S1", "BCN-S2", "HOU-S1", "HOU-S2", "HOU-S3", "PIT-S1", "PIT-S2", "PIT-S3", "SEO-S1", "SEO-S2"], funnel.Select(r => r.Name));
    }

    [Fact]
    public async Task A_surgeon_who_is_a_researcher_sees_only_their_own_code()
    {
        var client = await SignedInAsync("fellow.hou");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));

        Assert.Equal(["HOU-S2"], SurgeonCode().Matches(page).Select(m => m.Value).Distinct());
        Assert.Equal(9, FunnelRows(page).Count(r => r.Name.StartsWith("Surgeon ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pseudonyms_are_the_same_on_every_request_and_with_a_filter_that_is_not_by_site()
    {
        var client = await SignedInAsync("researcher");

        var all = FunnelRows(ListPages.Text(await client.GetStringAsync("/Statistics")));
        var again = FunnelRows(ListPages.Text(await client.GetStringAsync("/Statistics")));
        var years = FunnelRows(ListPages.Text(await client.GetStringAsync("/Statistics?from=2000&to=" + DateTime.Today.Year)));

        Assert.Equal(10, all.Count);
        Assert.Equal(all, again);
        Assert.Equal(all, years);
    }

    [Fact]
    public async Task A_view_filtered_by_site_shows_no_pseudonymised_row_so_no_pseudonym_is_tied_to_a_site()
    {
        var researcher = await SignedInAsync("researcher");
        var fellow = await SignedInAsync("fellow.hou");
        var admin = await SignedInAsync("admin");

        var houston = ListPages.Text(await researcher.GetStringAsync("/Statistics?sites=HOU"));
        var allButHouston = ListPages.Text(await researcher.GetStringAsync("/Statistics?sites=BCN&sites=PIT&sites=SEO"));
        var own = FunnelRows(ListPages.Text(await fellow.GetStringAsync("/Statistics?sites=HOU")));
        var real = FunnelRows(ListPages.Text(await admin.GetStringAsync("/Statistics?sites=HOU")));

        // Neither the pseudonyms nor the counts of a site's surgeons can be matched with the unfiltered view.
        Assert.Empty(FunnelRows(houston));
        Assert.Empty(FunnelRows(allButHouston));
        Assert.DoesNotMatch(Pseudonym(), houston);
        Assert.DoesNotMatch(Pseudonym(), allButHouston);
        Assert.Contains("Other surgeons' rows are not shown when the view is filtered by site", houston);
        Assert.Equal(["HOU-S2"], own.Select(r => r.Name));
        Assert.Equal(["HOU-S1", "HOU-S2", "HOU-S3"], real.Select(r => r.Name));
    }

    [Fact]
    public async Task The_indication_filter_shows_that_indications_benefit_and_complications_only()
    {
        var client = await SignedInAsync("researcher");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics?indication=TN"));

        var tn = (await WholeRegistryAsync()).Benefit["TN"];
        Assert.Contains("Risk: complications (Trigeminal neuralgia)", page);
        Assert.Matches(Row(StatFormat.Count(tn.Success1y), StatFormat.Percent(tn.Success1y.P), StatFormat.Interval(tn.Success1y), tn.Missing1y.ToString()), page);
        Assert.DoesNotContain("Hemifacial spasm</th>", page);
        Assert.DoesNotContain("Benefit-risk by stratum", page);
    }

    [Fact]
    public async Task The_filtered_loader_unfiltered_gives_the_snapshot_of_the_statistics_loader()
    {
        var today = Today.Of(TimeProvider.System);
        await using var db = Database.NewContext();

        var filtered = await StatisticsLoader.LoadAsync(db, new StatisticsFilter());

        Assert.Equal((await WholeRegistryAsync()).ToJson(), RegistryStatistics.Compute(filtered.Patients, today).ToJson());
    }

    [Fact]
    public async Task The_filtered_loader_keeps_the_operations_of_the_chosen_sites_indication_and_years_with_their_rows()
    {
        await using var db = Database.NewContext();
        var everything = await RegistryLoader.LoadAsync(db);

        var kept = await StatisticsLoader.LoadAsync(db, new StatisticsFilter { Indication = "HFS", Sites = ["HOU", "SEO"], From = 2012, To = 2018 });

        var expected = everything.Operations.Where(o => o.Indication == "HFS" && o.Patient!.SiteCode is "HOU" or "SEO"
            && o.SurgeryDate!.Value.Year is >= 2012 and <= 2018).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(o => o.CaseId).Order(), kept.Operations.Select(o => o.CaseId).Order());
        Assert.Equal(expected.Select(o => o.PatientId).Distinct().Order(), kept.Patients.Select(p => p.PatientId).Order());
        Assert.Equal(expected.SelectMany(o => o.FollowUps).Select(f => f.FollowupId).Order(), kept.FollowUps.Select(f => f.FollowupId).Order());
        Assert.Equal(expected.SelectMany(o => o.Complications).Select(c => c.ComplicationId).Order(), kept.Complications.Select(c => c.ComplicationId).Order());
        Assert.Equal(expected.SelectMany(o => o.Imaging).Select(i => i.ImagingId).Order(), kept.Imaging.Select(i => i.ImagingId).Order());
    }

    [Fact]
    public async Task A_surgeon_without_the_researcher_role_is_denied_the_statistics()
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.GetAsync("/Statistics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_yes_no_stratums_levels_are_shown_in_words_with_their_operations()
    {
        var client = await SignedInAsync("researcher");

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));

        var words = new Dictionary<string, string> { ["yes"] = "Yes", ["no"] = "No", ["unknown"] = "Unknown" };
        var redo = (await WholeRegistryAsync()).Strata.Where(r => r.Stratum == "redo").ToList();
        Assert.True(redo.Count >= 2);
        // The stratum named on its first level's row only.
        Assert.Matches(Row("Repeat MVD on this side", words[redo[0].Level], redo[0].Operations.ToString()), page);
        foreach (var level in redo.Skip(1)) Assert.Matches(Row("", words[level.Level], level.Operations.ToString()), page);
    }

    /// <summary>A table row holding these cells in this order.</summary>
    private static Regex Row(params string[] cells) =>
        new(string.Join(@"</t[dh]>\s*<t[dh][^>]*>", cells.Select(Regex.Escape)), RegexOptions.Singleline);

    /// <summary>The surgeon funnel table's rows: name, operations, permanent.</summary>
    private static List<(string Name, string Operations, string Permanent)> FunnelRows(string page)
    {
        var table = FunnelTable().Match(page).Groups[1].Value;
        return FunnelRow().Matches(table)
            .Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value, m.Groups[3].Value)).ToList();
    }

    [GeneratedRegex(@"Surgeon [A-Z]{1,2}\b")]
    private static partial Regex Pseudonym();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b[A-Z]{3}-S\d\b")]
    private static partial Regex SurgeonCode();

    [GeneratedRegex("id=\"funnel-surgeons\">(.*?)</table>", RegexOptions.Singleline)]
    private static partial Regex FunnelTable();

    [GeneratedRegex(@"<th scope=""row""[^>]*>\s*([^<]+?)\s*(?:<span[^>]*>you</span>\s*)?</th>\s*<td class=""text-end"">(\d+)</td>\s*<td class=""text-end"">(\d+)</td>", RegexOptions.Singleline)]
    private static partial Regex FunnelRow();
}

public sealed class SqliteStatisticsPageTests(SqliteTestDatabase database) : StatisticsPageTests<SqliteTestDatabase>(database);

public sealed class PostgresStatisticsPageTests(PostgresTestDatabase database) : StatisticsPageTests<PostgresTestDatabase>(database);
