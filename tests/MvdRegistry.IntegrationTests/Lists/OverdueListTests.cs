using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Web.Pages.Cases;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// The stored overdue lists as the pages read them: computed on first need, read by /FollowUps/Overdue
/// and the /Cases filter, and kept current by the saves and deletes of the records they depend on.
/// </summary>
public abstract class OverdueListTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly TodayDate = Today.Of(TimeProvider.System);

    /// <summary>At HOU, A31LATE, D15DAY, J76, H1810 and L-LOST are overdue (see <see cref="OverdueTests{TDatabase}"/>).</summary>
    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(TodayDate)
            .Case("A31LATE", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S1")
            .Case("D15DAY", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S2", visitDays: [15])
            .Case("E-DIED", "HOU", operatedDaysAgo: 400, surgeon: "HOU-S1", visitDays: [30], died: true)
            .Case("F-WITHDREW", "HOU", operatedDaysAgo: 400, surgeon: "HOU-S1", withdrawn: true)
            .Case("G-DONE", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 91, 182, 365, 730, 1095, 1460, 1825])
            .Case("H1810", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 365, 1810])
            .Case("I-PIT", "PIT", operatedDaysAgo: 400, surgeon: "PIT-S1")
            .Case("J76", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 76])
            .Case("K77", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 77])
            .Case("L-LOST", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 365])
            .DemoUsers()
            .SaveAsync(db);
    }

    private static readonly string[] HouOverdue = ["A31LATE", "D15DAY", "H1810", "J76", "L-LOST"];

    private async Task<List<string>> StoredAsync()
    {
        await using var db = Db();
        return (await db.OverdueOperations.Select(r => r.CaseId).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Stores every site's list as the daily job does.</summary>
    protected async Task ComputeAsync()
    {
        await using var db = Db();
        var store = new OverdueListStore(db, TimeProvider.System);
        foreach (var site in await db.Sites.Select(s => s.Code).ToListAsync()) await store.ReplaceSiteAsync(site, OverdueListStore.Schedule, null, default);
    }

    private async Task<JobUser> UserAsync(string name)
    {
        await using var lookup = Db();
        return (await JobUser.ForAsync(lookup, name, "test"))!;
    }

    [Fact]
    public async Task Before_any_run_the_page_computes_the_sites_list_on_first_need_and_says_so()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/FollowUps/Overdue?scope=sites");

        Assert.Equal(["A31LATE", "D15DAY", "J76", "H1810", "L-LOST"], ListPages.CaseIds(page));
        Assert.Contains("on first need by surgeon.hou", ListPages.Text(page));
        Assert.Equal(HouOverdue, await StoredAsync());
        await using var db = Db();
        var list = await db.OverdueSiteLists.SingleAsync();
        Assert.Equal(("HOU", "surgeon.hou", TodayDate), (list.SiteCode, list.ComputedBy, list.AsOf));
    }

    [Fact]
    public async Task Deaths_and_withdrawals_are_not_on_the_stored_list()
    {
        await ComputeAsync();

        var stored = await StoredAsync();

        Assert.Equal(["A31LATE", "D15DAY", "H1810", "I-PIT", "J76", "L-LOST"], stored);
        Assert.DoesNotContain("E-DIED", stored);
        Assert.DoesNotContain("F-WITHDREW", stored);
    }

    [Fact]
    public async Task The_page_and_the_case_filter_read_the_stored_rows_and_the_page_says_when_they_were_computed()
    {
        await ComputeAsync();
        await using (var db = Db())
        {
            // The stored list, not the data, decides: A31LATE taken off, G-DONE (not overdue) put on.
            await db.OverdueOperations.Where(r => r.CaseId == "A31LATE").ExecuteDeleteAsync();
            var surgery = TodayDate.AddDays(-3000);
            db.OverdueOperations.Add(new OverdueOperation
            {
                CaseId = "G-DONE", SiteCode = "HOU", PatientId = "PG-DONE", SurgeonCode = "HOU-S1", SurgeryDate = surgery, FirstMissedDay = 730,
                LatestMissedDay = 1825, LatestMissedDate = surgery.AddDays(1825), LastSeen = surgery.AddDays(365), SeenAtVisit = true,
                AsOf = TodayDate, ComputedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/FollowUps/Overdue?scope=sites");
        var filtered = await ListPages.AllCaseIdsAsync(client, "/Cases?overdue=true", IndexModel.PageSize);

        Assert.Equal(["D15DAY", "J76", "G-DONE", "H1810", "L-LOST"], ListPages.CaseIds(page));
        Assert.Equal(["D15DAY", "G-DONE", "H1810", "J76", "L-LOST"], filtered.Order(StringComparer.Ordinal));
        await using var check = Db();
        var list = await check.OverdueSiteLists.SingleAsync(l => l.SiteCode == "HOU");
        Assert.Contains($"HOU: list computed {list.ComputedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (as of {TodayDate:yyyy-MM-dd}, daily job)",
            ListPages.Text(page));
    }

    [Fact]
    public async Task A_visit_entered_takes_the_operation_off_the_list_at_once()
    {
        await ComputeAsync();
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/A31LATE/FollowUps/New");

        var response = await PostAsync(client, "/Cases/A31LATE/FollowUps/New",
            form.Set("visit_date", TodayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Set("contact_mode", "clinic").Set("hfs_status", "near_complete").Set("hb_grade", "1"));

        Page.AssertRedirect(response, "/Cases/A31LATE");
        Assert.Equal(["D15DAY", "H1810", "I-PIT", "J76", "L-LOST"], await StoredAsync());
        Assert.DoesNotContain("A31LATE", ListPages.CaseIds(await client.GetStringAsync("/FollowUps/Overdue?scope=sites")));
        Assert.DoesNotContain("A31LATE", await ListPages.AllCaseIdsAsync(client, "/Cases?overdue=true", IndexModel.PageSize));
        await using var db = Db();
        Assert.NotNull((await db.OverdueSiteLists.SingleAsync(l => l.SiteCode == "HOU")).UpdatedAt);
        Assert.Null((await db.OverdueSiteLists.SingleAsync(l => l.SiteCode == "PIT")).UpdatedAt);
    }

    [Fact]
    public async Task A_visit_deleted_puts_the_operation_back_on_the_list_at_once()
    {
        await ComputeAsync();
        var user = await UserAsync("surgeon.hou");
        await using var db = Database.NewContext(user);
        var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == "FK77-77");

        var outcome = await new DeleteHandler(db, user, new OverdueListStore(db, TimeProvider.System))
            .DeleteAsync(new DeleteCommand { Record = visit, Version = visit.Version, Reason = "entered on the wrong operation" });

        Assert.IsType<DeleteOutcome.Deleted>(outcome);
        Assert.Equal(["A31LATE", "D15DAY", "H1810", "I-PIT", "J76", "K77", "L-LOST"], await StoredAsync());
        await using var check = Db();
        var row = await check.OverdueOperations.SingleAsync(r => r.CaseId == "K77");
        Assert.Equal((91, 91, TodayDate.AddDays(-31), TodayDate.AddDays(-122 + 30), true), (row.FirstMissedDay, row.LatestMissedDay, row.LatestMissedDate, row.LastSeen, row.SeenAtVisit));
    }

    [Fact]
    public async Task A_consent_withdrawn_takes_the_patients_operation_off_the_list_at_once()
    {
        await ComputeAsync();
        var user = await UserAsync("surgeon.hou");
        await using var db = Database.NewContext(user);
        var patient = await db.Patients.Include(p => p.Operations).SingleAsync(p => p.PatientId == "PL-LOST");
        var columns = RecordCodec.Write(patient).ToDictionary(c => c.Key, c => (string?)c.Value);
        columns["consent_status"] = "withdrawn";
        columns["consent_withdrawn_date"] = TodayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));

        var outcome = await handler.SaveAsync(new SaveCommand { Record = patient, Columns = columns, Version = patient.Version, Reason = "withdrew at the clinic" });

        Assert.IsType<SaveOutcome.Saved>(outcome);
        Assert.Equal(["A31LATE", "D15DAY", "H1810", "I-PIT", "J76"], await StoredAsync());
    }

    [Fact]
    public async Task A_save_that_loses_to_another_change_leaves_the_stored_list_and_its_lock_as_they_were()
    {
        await ComputeAsync();
        var user = await UserAsync("surgeon.hou");
        await using var db = Database.NewContext(user);
        var patient = await db.Patients.Include(p => p.Operations).SingleAsync(p => p.PatientId == "PL-LOST");
        var columns = RecordCodec.Write(patient).ToDictionary(c => c.Key, c => (string?)c.Value);
        columns["consent_status"] = "withdrawn";
        columns["consent_withdrawn_date"] = TodayDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));
        await using (var other = Db())
        {
            (await other.Patients.SingleAsync(p => p.PatientId == "PL-LOST")).Sex = "M";
            await other.SaveChangesAsync();
        }

        // The version read is the one in hand, so the UPDATE's version check, inside the transaction, is what refuses it.
        var outcome = await handler.SaveAsync(new SaveCommand { Record = patient, Columns = columns, Version = patient.Version, Reason = "withdrew" });

        Assert.IsType<SaveOutcome.Stale>(outcome);
        Assert.Equal(["A31LATE", "D15DAY", "H1810", "I-PIT", "J76", "L-LOST"], await StoredAsync());
        await using var check = Db();
        Assert.Null((await check.OverdueSiteLists.SingleAsync(l => l.SiteCode == "HOU")).UpdatedAt);
        Assert.Equal("consented", (await check.Patients.SingleAsync(p => p.PatientId == "PL-LOST")).ConsentStatus);
    }
}

public sealed class SqliteOverdueListTests(SqliteTestDatabase database) : OverdueListTests<SqliteTestDatabase>(database);

public sealed class PostgresOverdueListTests(PostgresTestDatabase database) : OverdueListTests<PostgresTestDatabase>(database)
{
    /// <summary>
    /// A site's list rewritten leaves PostgreSQL's planner statistics of the stored lists refreshed: without them the
    /// case list's overdue filter took 50-80 ms a page at 100,000 patients, 16-18 ms once analysed.
    /// </summary>
    [Fact]
    public async Task A_sites_list_replaced_leaves_the_planner_statistics_of_the_stored_lists_refreshed()
    {
        await using var db = Database.NewContext();
        var before = await db.Database.SqlQueryRaw<DateTime>("SELECT clock_timestamp() AS \"Value\"").SingleAsync();

        await ComputeAsync();

        var analysed = await db.Database.SqlQueryRaw<string>(
            "SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE last_analyze >= {0} ORDER BY relname", before).ToListAsync();
        Assert.Equal(["overdue_follow_ups", "overdue_lists"], analysed);
    }
}
