using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// The home page as each role's worklist. Houston's operations, counted from today (surgeon.hou is HOU-S1):
///   A-OVERDUE   HOU-S1  61 days ago, no visit                 overdue: 1-month visit, 31 days late
///   B-OPEN      HOU-S1  300 days ago, visits 30, 91, 182     in the one-year window, no visit in it; not overdue
///   C-OPEN      HOU-S1  450 days ago, visits 30, 91, 182     in the window, no visit in it; overdue: 1-year visit, 85 days late
///   D-CAPTURED  HOU-S1  600 days ago, visits 30 ... 365      one-year visit: captured
///   E-MISSED    HOU-S1  700 days ago, visits 30, 91, 182     window closed without a visit; overdue: 1-year visit, 335 days late
///   F-COLLEAGUE HOU-S2  800 days ago, visits 30 ... 730      captured; another surgeon's
///   G-DIED      HOU-S1  600 days ago, visit 30, died day 5    eligible for capture, not captured; never chased
///   H-WITHDREW  HOU-S1  700 days ago, consent withdrawn       left out of everything
/// and Barcelona's I-BCN (61 days ago, overdue) and J-BCN (700 days ago, no visit), never shown to Houston.
/// Houston's one-year capture (from the whole registry's statistics snapshot): D and F over D, E, F and G = 2/4 = 50.0%.
/// </summary>
public abstract class HomePageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Today = Application.Scheduling.Today.Of(TimeProvider.System);
    private const string Lead = "lead.hou";

    protected override async Task SeedAsync()
    {
        await using (var db = Database.NewContext())
        {
            await new Seed(Today)
                .Case("A-OVERDUE", "HOU", 61, "HOU-S1")
                .Case("B-OPEN", "HOU", 300, "HOU-S1", [30, 91, 182])
                .Case("C-OPEN", "HOU", 450, "HOU-S1", [30, 91, 182])
                .Case("D-CAPTURED", "HOU", 600, "HOU-S1", [30, 91, 182, 365])
                .Case("E-MISSED", "HOU", 700, "HOU-S1", [30, 91, 182])
                .Case("F-COLLEAGUE", "HOU", 800, "HOU-S2", [30, 91, 182, 365, 730])
                .Case("G-DIED", "HOU", 600, "HOU-S1", [30], died: true)
                .Case("H-WITHDREW", "HOU", 700, "HOU-S1", withdrawn: true)
                .Case("I-BCN", "BCN", 61, "BCN-S1")
                .Case("J-BCN", "BCN", 700, "BCN-S1")
                .DemoUsers()
                .SaveAsync(db);
            db.Users.Add(new UserAccount
            {
                UserName = Lead, DisplayName = "Lead surgeon", Roles = string.Join('|', Roles.All), SurgeonCode = "HOU-S1",
                Sites = [new UserSite { SiteCode = "HOU" }],
            });
            var now = DateTime.UtcNow;
            db.JobRuns.AddRange(
                new JobRun { Kind = "statistics", RequestedBy = "admin", Status = JobRunStatus.Running, QueuedAt = now.AddMinutes(-3), ProgressPercent = 40 },
                new JobRun { Kind = "report", RequestedBy = "schedule", Status = JobRunStatus.Queued, QueuedAt = now.AddMinutes(-1) },
                new JobRun { Kind = "report", RequestedBy = "admin", Status = JobRunStatus.Failed, QueuedAt = now.AddDays(-2), FinishedAt = now.AddDays(-2), Error = "the output folder is full" },
                new JobRun { Kind = "report", RequestedBy = "admin", Status = JobRunStatus.Failed, QueuedAt = now.AddDays(-40), Error = "an old failure" },
                new JobRun { Kind = "statistics", RequestedBy = "admin", Status = JobRunStatus.Succeeded, QueuedAt = now.AddDays(-1) });
            db.ReportSchedules.AddRange(
                new ReportSchedule { Name = "Quarterly", ReportKind = "outcomes", Cron = "0 6 1 1,4,7,10 *", RunsToKeep = 4, CreatedBy = "admin", CreatedAt = now },
                new ReportSchedule { Name = "Monthly HOU", ReportKind = "outcomes", Sites = "HOU", Cron = "0 6 1 * *", RunsToKeep = 4, Paused = true, CreatedBy = "admin", CreatedAt = now });
            await db.SaveChangesAsync();
        }
        // What surgeon.hou entered and changed: a visit of D, then A's patient.
        await using (var db = Database.NewContext(new FixedUser("surgeon.hou")))
        {
            db.FollowUps.Add(new FollowUp { FollowupId = "F-NEW", CaseId = "D-CAPTURED", VisitDate = Today.AddDays(-100) });
            await db.SaveChangesAsync();
            (await db.Patients.SingleAsync(p => p.PatientId == "PA-OVERDUE")).Ethnicity = "asian";
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_surgeon_sees_their_overdue_follow_ups_most_recently_due_first_with_a_link_to_add_the_visit()
    {
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/");

        var overdue = Section(html, "overdue");
        Assert.Equal("3", Page.Text(Element(overdue, "overdue-count")));
        Assert.Equal(["A-OVERDUE", "C-OPEN", "E-MISSED"], ListPages.CaseIds(overdue));
        Assert.Contains("href=\"/Cases/A-OVERDUE/FollowUps/New\"", overdue);
        var text = Page.Text(overdue);
        Assert.Contains("A-OVERDUE HOUA-OVERDUE HFS, left " + Date(-61) + " at 1 month (due " + Date(-61 + 30) + ") 31 Add visit", text);
        Assert.Contains("C-OPEN HOUC-OPEN HFS, left " + Date(-450) + " at 1 year (due " + Date(-450 + 365) + ") 85 Add visit", text);
        Assert.Contains("E-MISSED HOUE-MISSED HFS, left " + Date(-700) + " at 1 year (due " + Date(-700 + 365) + ") 335 Add visit", text);
    }

    [Fact]
    public async Task A_surgeon_sees_their_operations_missing_a_one_year_visit_open_and_closed_windows_apart()
    {
        var client = await SignedInAsync("surgeon.hou");

        var oneYear = Section(await client.GetStringAsync("/"), "one-year");

        Assert.Equal("2", Page.Text(Element(oneYear, "one-year-open-count")));
        Assert.Equal("1", Page.Text(Element(oneYear, "one-year-missed-count")));
        // Open windows, closing soonest first (C closes in 90 days, B in 240), then the closed one.
        Assert.Equal(["C-OPEN", "B-OPEN", "E-MISSED"], ListPages.CaseIds(oneYear));
        Assert.Contains($"C-OPEN HOUC-OPEN HFS, left {Date(-450)} 450 {Date(-450 + 540)} (in 90 days) Add visit", Page.Text(oneYear));
        Assert.Contains("href=\"/Cases/B-OPEN/FollowUps/New\"", oneYear);
    }

    [Fact]
    public async Task A_surgeon_sees_their_sites_one_year_capture_against_the_80_percent_target()
    {
        var client = await SignedInAsync("surgeon.hou");
        var before = Page.Text(Section(await client.GetStringAsync("/"), "capture"));
        await Database.SnapshotAsync();

        var capture = Page.Text(Section(await client.GetStringAsync("/"), "capture"));

        Assert.Contains("Not computed yet", before);
        Assert.Contains($"as of {Date(0)}", capture);
        Assert.Contains("HOU 2/4 50.0% 15.0–85.0% below target 2 more visits to reach it", capture);
        Assert.Contains("target 80.0%", capture);
        Assert.DoesNotContain("BCN", capture);
    }

    [Fact]
    public async Task A_surgeon_sees_their_own_recent_entries_newest_first_linked_to_the_operation()
    {
        var client = await SignedInAsync("surgeon.hou");

        var recent = Section(await client.GetStringAsync("/"), "recent");

        Assert.Matches(new Regex(@"^Your recent entries Patient PA-OVERDUE changed \S+ \S+ UTC Follow-up visit F-NEW added \S+ \S+ UTC$"), Page.Text(recent));
        Assert.Contains("href=\"/Cases/A-OVERDUE\">PA-OVERDUE<", recent);
        Assert.Contains("href=\"/Cases/D-CAPTURED\">F-NEW<", recent);
    }

    [Fact]
    public async Task A_bundle_import_among_the_recent_entries_is_shown_as_imported_not_deleted()
    {
        var at = DateTime.UtcNow.AddMinutes(-5);
        await Database.InsertAsync(AuditRows.Import(Lead, at, "/data/bundle", [new ImportedFile("patients.csv", new string('a', 64), 3, 0, 0)]));
        var client = await SignedInAsync(Lead);

        var recent = Page.Text(Section(await client.GetStringAsync("/"), "recent"));

        Assert.Matches(new Regex(@"^Your recent entries Bundle import \S+ imported \S+ \S+ UTC$"), recent);
        Assert.DoesNotContain("deleted", recent);
    }

    [Fact]
    public async Task A_surgeon_reads_nothing_of_another_site_and_no_registry_wide_count()
    {
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"/Cases/New\"", html);
        Assert.DoesNotContain("BCN", html);
        Assert.DoesNotContain("Patients</th>", html);
        Assert.DoesNotContain("id=\"researcher-headline\"", html);
        Assert.DoesNotContain("id=\"administrator-overview\"", html);
    }

    [Fact]
    public async Task A_researcher_sees_the_latest_statistics_headline_and_links_but_no_identified_record()
    {
        var client = await SignedInAsync("researcher");
        var before = await client.GetStringAsync("/");
        await Database.SnapshotAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("No statistics have been computed yet:", Page.Text(before));
        var headline = Section(html, "researcher-headline");
        // Everyone but H (consent withdrawn): 9 operations; G's death is the one (permanent) complication.
        Assert.Contains("9 operations analysed", Page.Text(headline));
        Assert.Contains($"data as of {Date(0)}", Page.Text(headline));
        Assert.Contains("Permanent complication, all indications 1/9 11.1% 2.0–43.5%", Page.Text(headline));
        Assert.Contains("href=\"/Statistics\"", headline);
        Assert.Contains("href=\"/Exports\"", headline);
        Assert.DoesNotContain("id=\"surgeon-worklist\"", html);
        Assert.DoesNotContain("HOUA-OVERDUE", html);
        Assert.DoesNotContain("A-OVERDUE", html);
    }

    [Fact]
    public async Task An_administrator_sees_running_and_failed_jobs_schedules_and_users()
    {
        var client = await SignedInAsync("admin");

        var html = await client.GetStringAsync("/");

        var admin = Section(html, "administrator-overview");
        Assert.Equal(("2", "1", "2", "1", "5"), (Page.Text(Element(admin, "jobs-active")), Page.Text(Element(admin, "jobs-failed")),
            Page.Text(Element(admin, "schedules-count")), Page.Text(Element(admin, "schedules-paused")), Page.Text(Element(admin, "users-count"))));
        Assert.Contains("the output folder is full", admin);
        Assert.DoesNotContain("an old failure", admin);
        Assert.Contains("3 Surgeons, 2 Researchers, 2 Administrators", Page.Text(admin));
        Assert.Contains("href=\"/Jobs\"", admin);
        Assert.Contains("href=\"/Reports\"", admin);
        Assert.Contains("href=\"/Admin/Users\"", admin);
        Assert.DoesNotContain("id=\"surgeon-worklist\"", html);
    }

    [Fact]
    public async Task A_user_with_every_role_sees_each_section()
    {
        var client = await SignedInAsync(Lead);

        var html = await client.GetStringAsync("/");

        Assert.Contains("id=\"surgeon-worklist\"", html);
        Assert.Contains("id=\"researcher-headline\"", html);
        Assert.Contains("id=\"administrator-overview\"", html);
        Assert.Equal(["A-OVERDUE", "C-OPEN", "E-MISSED"], ListPages.CaseIds(Section(html, "overdue")));
    }

    [Fact]
    public async Task The_headline_and_the_capture_read_a_snapshots_values_once_and_a_new_snapshot_at_the_next_view()
    {
        await Database.SnapshotAsync();
        var client = await SignedInAsync(Lead);
        await AssertShownAsync(client, "9 operations analysed", "HOU 2/4 50.0%");

        // The stored JSON changed in place (a snapshot never is): the values kept for the snapshot are shown, not read again.
        await Database.ExecuteAsync(async db =>
        {
            var stored = await db.StatisticsSnapshots.SingleAsync();
            var statistics = RegistrySnapshot.FromJson(stored.Json);
            var completeness = statistics.Completeness with
            {
                Sites = statistics.Completeness.Sites.Select(r => r.Site == "HOU" ? r with { OneYearCapture = Proportion.Wilson(4, 4) } : r).ToList(),
            };
            stored.Json = new RegistrySnapshot
            {
                Population = statistics.Population with { Operations = 7 },
                Benefit = statistics.Benefit, Complications = statistics.Complications, KaplanMeier = statistics.KaplanMeier,
                LogrankLsr = statistics.LogrankLsr, Logistic = statistics.Logistic, Strata = statistics.Strata, Funnel = statistics.Funnel,
                Completeness = completeness,
            }.ToJson();
            await db.SaveChangesAsync();
        });
        await AssertShownAsync(client, "9 operations analysed", "HOU 2/4 50.0%");

        // Another operation whose one-year visit was made (the seed's cases, without adding its site again).
        var surgery = Today.AddDays(-600);
        await Database.InsertAsync(new Patient
        {
            PatientId = "PK-CAPTURED", SiteCode = "HOU", Mrn = "HOUK-CAPTURED", BirthDate = new DateOnly(1960, 1, 1), ConsentStatus = "consented",
            Operations =
            [
                new Operation
                {
                    CaseId = "K-CAPTURED", PatientId = "PK-CAPTURED", Indication = "HFS", Side = "L", SurgeryDate = surgery, SurgeonCode = "HOU-S1",
                    FollowUps = new[] { 30, 91, 182, 365 }.Select(d => new FollowUp { FollowupId = $"FK-CAPTURED-{d}", CaseId = "K-CAPTURED", VisitDate = surgery.AddDays(d) }).ToList(),
                },
            ],
        });
        await Database.SnapshotAsync();
        await AssertShownAsync(client, "10 operations analysed", "HOU 3/5 60.0%");
    }

    private static async Task AssertShownAsync(HttpClient client, string headline, string capture)
    {
        var html = await client.GetStringAsync("/");
        Assert.Contains(headline, Page.Text(Section(html, "researcher-headline")));
        Assert.Contains(capture, Page.Text(Section(html, "capture")));
    }

    private static string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The card with this id, up to the next card; a section (role) with this id, to its end.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no {id}");
        var isSection = html[html.LastIndexOf('<', start)..start].StartsWith("<section", StringComparison.Ordinal);
        var next = Regex.Match(html[(start + 1)..], isSection ? "</section>" : "class=\"card[ \"]|</section>");
        var end = next.Success ? start + 1 + next.Index : html.Length;
        return html[html.LastIndexOf('<', start)..end];
    }

    /// <summary>The element with this id: its opening tag to the first closing tag.</summary>
    private static string Element(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id}");
        return html[html.LastIndexOf('<', start)..(html.IndexOf("</", start, StringComparison.Ordinal))];
    }
}

public sealed class SqliteHomePageTests(SqliteTestDatabase database) : HomePageTests<SqliteTestDatabase>(database);

public sealed class PostgresHomePageTests(PostgresTestDatabase database) : HomePageTests<PostgresTestDatabase>(database);
