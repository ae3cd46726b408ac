using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Patients;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Access;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Patients;

/// <summary>
/// Finding a returning patient by MRN or key (<see cref="PatientSearch"/>), as the use case answers and
/// as /Cases/New shows it: the whole MRN or key (any letter case), or at least four characters of one,
/// in the granted sites only. Barcelona holds a patient whose MRN is Houston's P1's, to prove that
/// another site's patient is never found, even by a term that matches them exactly.
/// </summary>
public abstract class PatientSearchTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly JobUser HoustonSurgeon = new("surgeon.hou", "test", [Roles.Surgeon], ["HOU"], "HOU-S1");
    private static readonly JobUser BarcelonaSurgeon = new("surgeon.bcn", "test", [Roles.Surgeon], ["BCN"], "BCN-S1");

    protected override Task SeedAsync()
    {
        var seed = new Seed()
            .Site("HOU", "Houston").Site("BCN", "Barcelona").Surgeon("HOU-S1").Surgeon("BCN-S1").DemoUsers()
            .Patient("P1", "HOU", mrn: "HOU0077001")
            .Patient("P3", "HOU", mrn: "HOU0077002", with: p => { p.Sex = "M"; p.BirthDate = new DateOnly(1948, 11, 30); })
            .Patient("P4", "HOU", mrn: "HOU0012345")
            .Patient("P2", "BCN", mrn: "BCN0077003")
            .Patient("PB9", "BCN", mrn: "HOU0077001")
            .HfsOperation("C1", "P1", "HOU-S1")
            .HfsOperation("C5", "P1", "HOU-S1", o => { o.Side = "L"; o.SurgeryDate = new DateOnly(2025, 6, 2); o.DischargeDate = new DateOnly(2025, 6, 5); })
            .HfsOperation("C2", "P2", "BCN-S1");
        for (var i = 1; i <= 11; i++) seed.Patient($"Q{i:00}", "HOU", mrn: $"HOUQ5550{i:00}");
        return Database.SeedAsync(seed);
    }

    private Task<PatientSearchResult> FindAsync(JobUser user, string term) =>
        Database.ExecuteAsync(db => PatientSearch.FindAsync(db, user, term));

    [Fact]
    public async Task The_whole_MRN_in_any_letter_case_finds_the_patient_with_their_operations_and_sides()
    {
        var found = await FindAsync(HoustonSurgeon, "hou0077001");

        Assert.Equal(
            new PatientSummary("P1", "HOU", "HOU0077001", new DateOnly(1960, 5, 1), "F", "consented",
                [new PreviousOperation("C1", new DateOnly(2025, 1, 10), "HFS", "R"), new PreviousOperation("C5", new DateOnly(2025, 6, 2), "HFS", "L")]),
            found.Exact, new SummaryComparer());
        Assert.Empty(found.Matches);
    }

    [Fact]
    public async Task The_whole_key_finds_the_patient()
    {
        var found = await FindAsync(HoustonSurgeon, " p3 ");

        Assert.Equal(("P3", "HOU0077002", "M", new DateOnly(1948, 11, 30), 0),
            (found.Exact!.PatientId, found.Exact.Mrn, found.Exact.Sex, found.Exact.BirthDate, found.Exact.Operations.Count));
    }

    [Fact]
    public async Task Part_of_an_MRN_finds_the_matches_of_the_granted_sites_only()
    {
        var houston = await FindAsync(HoustonSurgeon, "7700");
        var barcelona = await FindAsync(BarcelonaSurgeon, "7700");

        Assert.Null(houston.Exact);
        Assert.Equal(["P1", "P3"], houston.Matches.Select(m => m.PatientId));
        Assert.Equal(2, houston.Total);
        Assert.Equal(["P2", "PB9"], barcelona.Matches.Select(m => m.PatientId));
        Assert.All(barcelona.Matches, m => Assert.Equal("BCN", m.SiteCode));
    }

    [Fact]
    public async Task An_MRN_of_another_site_is_not_found_even_when_it_is_exact()
    {
        var byMrn = await FindAsync(HoustonSurgeon, "BCN0077003");
        var byKey = await FindAsync(HoustonSurgeon, "P2");
        var summary = await Database.ExecuteAsync(db => PatientSearch.SummaryAsync(db, HoustonSurgeon, "P2"));
        // Barcelona's PB9 has Houston P1's MRN: Houston's surgeon gets P1, Barcelona's gets PB9.
        var sameMrn = await FindAsync(BarcelonaSurgeon, "HOU0077001");

        Assert.Equal((null, 0, 0), (byMrn.Exact, byMrn.Matches.Count, byMrn.Total));
        Assert.Equal("No patient's MRN or key contains BCN0077003 in your sites.", byMrn.Message);
        Assert.Equal((null, 0), (byKey.Exact, byKey.Matches.Count));
        Assert.Null(summary);
        Assert.Equal(("PB9", "BCN"), (sameMrn.Exact!.PatientId, sameMrn.Exact.SiteCode));
    }

    [Fact]
    public async Task Fewer_than_four_characters_that_are_not_a_whole_key_ask_for_more()
    {
        var found = await FindAsync(HoustonSurgeon, "770");

        Assert.Equal((null, 0), (found.Exact, found.Matches.Count));
        Assert.Equal("No patient has the MRN or key 770 in your sites. To search by part of an MRN or key, type at least 4 characters.", found.Message);
    }

    [Fact]
    public async Task More_than_ten_matches_show_the_first_ten_by_key_and_the_total()
    {
        var found = await FindAsync(HoustonSurgeon, "q555");

        Assert.Equal(11, found.Total);
        Assert.Equal(["Q01", "Q02", "Q03", "Q04", "Q05", "Q06", "Q07", "Q08", "Q09", "Q10"], found.Matches.Select(m => m.PatientId));
    }

    [Fact]
    public async Task A_researcher_finds_no_patient()
    {
        var researcher = new JobUser("researcher", "test", [Roles.Researcher], ["HOU"], null);

        var found = await FindAsync(researcher, "HOU0077001");

        Assert.Equal((null, 0, 0), (found.Exact, found.Matches.Count, found.Total));
    }

    [Fact]
    public async Task The_new_operation_page_lists_partial_matches_of_the_own_site_with_a_link_to_choose()
    {
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/Cases/New?find=7700");

        Assert.Contains("href=\"/Cases/New?patientId=P1\"", html);
        Assert.Contains("href=\"/Cases/New?patientId=P3\"", html);
        Assert.Contains("2 patients match", Page.Text(html));
        Assert.DoesNotContain("BCN0077003", html);
        Assert.DoesNotContain("PB9", html);
        Assert.DoesNotContain("patientId=P2", html);
    }

    [Fact]
    public async Task The_whole_MRN_and_patientId_show_the_same_summary_before_the_operation_is_attached()
    {
        var client = await SignedInAsync("surgeon.hou");

        var (byMrn, form) = await OpenAsync(client, "/Cases/New?find=HOU0077001");
        var (byId, _) = await OpenAsync(client, "/Cases/New?patientId=P1");

        var summary = Summary(byMrn);
        Assert.Equal(summary, Summary(byId));
        Assert.Contains("Registry patient key P1", summary);
        Assert.Contains("Medical record number HOU0077001 (site HOU)", summary);
        Assert.Contains("Date of birth 1960-05-01 (age ", summary);
        Assert.Contains("Sex Female", summary);
        Assert.Contains("C1 2025-01-10 Hemifacial spasm Right", summary);
        Assert.Contains("C5 2025-06-02 Hemifacial spasm Left", summary);
        Assert.Equal(("existing", "P1"), (form["patient_choice"], form["patient_id"]));
    }

    [Fact]
    public async Task An_operation_added_from_the_summary_belongs_to_the_patient_found()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New?find=hou0077002");
        form.Set("case_id", "C9").Set("indication", "HFS").Set("side", "L").Set("redo", "no").Set("symptom_duration_months", "36")
            .Set("hfs_onset", "typical").Set("hfs_extent", "lower_face").Set("cohen_grade_preop", "3").Set("botox_prior", "no")
            .Set("surgery_date", "2025-09-01").Set("surgeon_code", "HOU-S1").Set("approach", "rs_infrafloccular")
            .Tick("vessel_op___AICA").Set("vessel_primary", "AICA").Set("technique", "interposition").Set("implant", "teflon")
            .Set("discharge_date", "2025-09-04");

        var response = await PostAsync(client, "/Cases/New", form);

        Page.AssertRedirect(response, "/Cases/C9");
        await using var db = Db();
        Assert.Equal("P3", (await db.Operations.SingleAsync(o => o.CaseId == "C9")).PatientId);
        Assert.Equal(16, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task Another_sites_patient_by_id_is_not_shown_and_nothing_of_theirs_appears()
    {
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/Cases/New?patientId=P2");

        Assert.Contains("There is no patient P2 in your sites.", Page.Text(html));
        Assert.DoesNotContain("BCN0077003", html);
        Assert.DoesNotContain("id=\"patient-summary\"", html);
    }

    /// <summary>The summary block's text.</summary>
    private static string Summary(string html)
    {
        var start = html.IndexOf("id=\"patient-summary\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no patient summary");
        var end = html.IndexOf("id=\"change-patient\"", start, StringComparison.Ordinal);
        return Page.Text("<div " + html[start..end]);
    }

    private sealed class SummaryComparer : IEqualityComparer<PatientSummary?>
    {
        public bool Equals(PatientSummary? x, PatientSummary? y) =>
            x is not null && y is not null && (x with { Operations = [] }) == (y with { Operations = [] }) && x.Operations.SequenceEqual(y.Operations);

        public int GetHashCode(PatientSummary? obj) => 0;
    }
}

public sealed class SqlitePatientSearchTests(SqliteTestDatabase database) : PatientSearchTests<SqliteTestDatabase>(database);

public sealed class PostgresPatientSearchTests(PostgresTestDatabase database) : PatientSearchTests<PostgresTestDatabase>(database);
