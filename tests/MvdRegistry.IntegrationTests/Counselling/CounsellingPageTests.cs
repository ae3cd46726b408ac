using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Lists;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Counselling;

/// <summary>
/// /Counselling and /Cases/{caseId}/Counselling on the reference registry (registry-small), whose HFS
/// model has 2.3 events per variable. Expected numbers come from R: predict(glm, se.fit = TRUE) on
/// registry-small (see the Core's LogisticPredictionTests) and expected.json's strata.
/// </summary>
public abstract class CounsellingPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Surgeon = "surgeon.hou";

    // A 55-year-old woman, symptoms for 36 months, botulinum toxin before, no vertebral artery on imaging.
    private const string Profile = "indication=HFS&age=55&sex=F&months=36&botox=yes&va=no";

    public override async Task InitializeAsync()
    {
        await Database.ResetAsync();
        await ListPages.ImportReferenceOnceAsync(Database);
    }

    private async Task<string> PageAsync(string url, string user = Surgeon)
    {
        var client = await SignedInAsync(user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ListPages.Text(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Text with its markup removed and white space collapsed, as a reader sees it.</summary>
    private static string Words(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ");

    [Fact]
    public async Task Without_any_statistics_snapshot_the_page_says_so_plainly()
    {
        var page = Words(await PageAsync("/Counselling?" + Profile));

        Assert.Contains("No statistics have been computed for the registry yet", page);
        Assert.DoesNotContain("of 100", page);

        var empty = Words(await PageAsync("/Counselling"));
        Assert.Contains("No statistics have been computed for the registry yet", empty);
    }

    [Fact]
    public async Task A_profile_shows_both_LSR_scenarios_with_R_s_intervals_and_says_the_estimate_is_unreliable()
    {
        await Database.SnapshotAsync();
        var stored = await Database.ExecuteAsync(db => db.StatisticsSnapshots.AsNoTracking().SingleAsync());

        var page = Words(await PageAsync("/Counselling?" + Profile));

        // R: plogis 0.9746 (0.8953 to 0.9942) if LSR disappears; 0.7694 (0.4682 to 0.9267) if it persists.
        Assert.Contains("About 97 of 100 patients like this one (interval 90 to 99) are expected to be free or nearly free of spasm one year after surgery if the lateral spread response disappears during the operation; about 77 of 100 (interval 47 to 93) if it persists.", page);
        Assert.Contains("about 97 of 100 free or nearly free of spasm at one year 95% interval 90 to 99 of 100 unreliable", page);
        Assert.Contains("about 77 of 100 free or nearly free of spasm at one year 95% interval 47 to 93 of 100 unreliable", page);
        // 14 failures among 104 complete cases: 14 / 6 = 2.3 events per variable.
        Assert.Contains("Unreliable estimate.", page);
        Assert.Contains("104 with complete records, only 14 of them without success at one year (2.3 events per variable; at least 10 are needed)", page);
        // In plain words, the registry's HFS operations as a whole (expected.json: 138/163 successes, 10/289 permanent, LHH 24.5).
        Assert.Contains("In plain words: of 289 patients operated for hemifacial spasm in the registry, 163 have been seen at one year, and about 85 of 100 of those were free or nearly free of spasm one year after surgery. Of all 289, about 3 of 100 kept a permanent complication: about 24 helped for each one harmed.", page);
        Assert.Contains($"data as of {stored.AsOf:yyyy-MM-dd}", page);
        // expected.json's strata: all HFS, age 40-59, women, symptoms 24-59 months; no vertebral artery row without VA.
        Assert.Contains("All hemifacial spasm operations 289 138/163 · 84.7% 78.3–89.4% 10/289 · 3.5% 1.9–6.3% 24.5 helped for each one harmed", page);
        Assert.Contains("Aged 40-59 181 83/99 · 83.8% ", page);
        Assert.Contains(" 4/181 · 2.2% 0.9–5.5% 37.9 helped for each one harmed", page);
        Assert.Contains("Women 179 85/96 · 88.5% ", page);
        Assert.Contains("Symptoms for 24 to 59 months 138 74/85 · 87.1% ", page);
        Assert.DoesNotContain("Vertebral artery the main vessel", page);
    }

    [Fact]
    public async Task A_snapshot_over_older_data_is_shown_with_the_note_that_the_data_has_changed_since()
    {
        await Database.SnapshotAsync();
        var current = Words(await PageAsync("/Counselling?" + Profile));
        Assert.Contains("About 97 of 100 patients like this one", current);
        Assert.DoesNotContain("The data has changed since", current);

        await Database.SeedAsync(new Seed().Patient("P-NEW", TwoSites.Own, "HOU0000099"));

        var stale = Words(await PageAsync("/Counselling?" + Profile));
        Assert.Contains("The data has changed since these statistics were computed: records were added, edited or removed. They are not in the numbers below until the statistics are computed again", stale);
        Assert.Contains("About 97 of 100 patients like this one", stale);
    }

    [Fact]
    public async Task With_the_vertebral_artery_on_imaging_its_group_is_shown_and_a_group_nobody_was_harmed_in_says_so()
    {
        await Database.SnapshotAsync();

        var page = Words(await PageAsync("/Counselling?indication=HFS&age=65&sex=M&months=12&botox=no&va=yes"));

        // expected.json: vessel_primary VA, 24 operations, 9/12 successes, 0/24 permanent (0 to 13.8%).
        Assert.Contains("Vertebral artery the main vessel at surgery 24 9/12 · 75.0% ", page);
        Assert.Contains(" 0/24 · 0.0% 0.0–13.8% nobody harmed permanently", page);
        Assert.Contains("Aged 60-69 56 34/39", page);
    }

    [Fact]
    public async Task A_profile_outside_the_model_s_ages_and_durations_is_called_an_extrapolation()
    {
        await Database.SnapshotAsync();

        var page = Words(await PageAsync("/Counselling?indication=HFS&age=92&sex=F&months=400&botox=no&va=no"));

        // The complete cases were 26 to 80 years old, with symptoms for 5 to 389 months (R: range()).
        Assert.Contains("This patient is outside the data the model was fitted on (an age of 92, while the patients it was fitted on were 26 to 80 years old; symptoms for 400 months, while theirs had lasted 5 to 389 months)", page);
        Assert.Contains("extrapolation", page);
    }

    [Fact]
    public async Task A_trigeminal_neuralgia_patient_is_told_the_model_covers_HFS_only_and_sees_the_indication_s_results()
    {
        await Database.SnapshotAsync();

        var page = Words(await PageAsync("/Counselling?indication=TN&age=60&sex=F&months=48"));

        Assert.Contains("The prediction model covers hemifacial spasm only.", page);
        Assert.DoesNotContain("If the lateral spread response disappears", page);
        // expected.json: benefit.TN success_1y 41/50; complications.TN permanent 7/111 (3.1 to 12.4%).
        Assert.Contains("All trigeminal neuralgia operations", page);
        Assert.Contains("41/50 · 82.0% 69.2–90.2%", page);
        Assert.Contains("7/111 · 6.3% 3.1–12.4%", page);
    }

    [Fact]
    public async Task A_snapshot_stored_before_the_covariance_was_kept_asks_for_the_statistics_to_be_computed_again()
    {
        await Database.SnapshotAsync();
        await Database.ExecuteAsync(async db =>
        {
            var stored = await db.StatisticsSnapshots.SingleAsync();
            var json = JsonNode.Parse(stored.Json)!;
            json["logistic"]!.AsObject().Remove("covariance");
            json["logistic"]!.AsObject().Remove("data_range");
            stored.Json = json.ToJsonString();
            await db.SaveChangesAsync();
        });

        var page = Words(await PageAsync("/Counselling?" + Profile, DemoUsers.Administrator));

        Assert.Contains("These statistics were computed before the registry kept what a prediction's interval needs, so no prediction is shown. The latest statistics must be computed again: \"Compute now\" on the Statistics page", page);
        Assert.DoesNotContain("If the lateral spread response disappears", page);
        // The groups need no covariance: still shown.
        Assert.Contains("All hemifacial spasm operations 289 138/163", page);
    }

    [Fact]
    public async Task An_unknown_sex_toxin_or_vertebral_artery_gives_no_prediction_and_says_what_the_model_needs()
    {
        await Database.SnapshotAsync();

        foreach (var query in new[] { "indication=HFS&age=55&sex=U&months=36&botox=yes&va=no", "indication=HFS&age=55&sex=F&months=36&botox=unknown&va=no", "indication=HFS&age=55&sex=F&months=36&botox=no&va=unknown" })
        {
            var page = Words(await PageAsync("/Counselling?" + query));

            Assert.Contains("The model needs the sex (female or male), botulinum toxin before surgery and the vertebral artery as yes or no; with \"unknown\" it gives no prediction.", page);
            Assert.DoesNotContain("If the lateral spread response disappears", page);
            Assert.Contains("All hemifacial spasm operations 289 138/163", page);
        }
    }

    public static TheoryData<string, string> BadProfiles => new()
    {
        { "indication=HFS&sex=F&months=36&botox=yes&va=no", "Age: enter the age in whole years, from 1 to 110." },
        { "indication=HFS&age=140&sex=F&months=36&botox=yes&va=no", "Age: enter the age in whole years, from 1 to 110." },
        { "indication=HFS&age=5O&sex=F&months=36&botox=yes&va=no", "Age: enter the age in whole years, from 1 to 110." },
        { "indication=HFS&age=55&sex=X&months=36&botox=yes&va=no", "Sex: choose female, male or unknown." },
        { "indication=HFS&age=55&sex=F&months=-3&botox=yes&va=no", "Symptom duration: enter the months from the first symptoms to now, a whole number from 0 to 900." },
        { "indication=HFS&age=55&sex=F&months=36&va=no", "Botulinum toxin before surgery: choose yes, no or unknown." },
        { "indication=HFS&age=55&sex=F&months=36&botox=yes&va=maybe", "Vertebral artery on imaging: choose yes, no or unknown." },
        { "indication=XYZ&age=55&sex=F&months=36", "Indication: choose hemifacial spasm, trigeminal neuralgia or glossopharyngeal neuralgia." },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task A_bad_profile_gets_one_clear_message_shows_no_result_and_writes_nothing(string query, string message)
    {
        await Database.SnapshotAsync();
        var before = await Database.CountRowsAsync();
        var (snapshots, runs) = await Database.ExecuteAsync(async db => (await db.StatisticsSnapshots.CountAsync(), await db.JobRuns.CountAsync()));

        var page = Words(await PageAsync("/Counselling?" + query));

        Assert.Contains("Nothing can be shown until the field marked below is corrected.", page);
        Assert.Single(Regex.Matches(page, Regex.Escape(message)));
        Assert.DoesNotContain("Chance of success at one year", page);
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Equal((snapshots, runs), await Database.ExecuteAsync(async db => (await db.StatisticsSnapshots.CountAsync(), await db.JobRuns.CountAsync())));
    }

    [Fact]
    public async Task From_a_case_page_the_profile_is_prefilled_from_the_operation_and_its_imaging()
    {
        await Database.SnapshotAsync();
        // A Houston HFS operation whose pre-operative imaging saw the vertebral artery in contact.
        var (operation, patient) = await Database.ExecuteAsync(async db =>
        {
            var candidates = await db.Operations.AsNoTracking().Include(o => o.Patient).Include(o => o.Imaging)
                .Where(o => o.Indication == "HFS" && o.Patient!.SiteCode == "HOU" && o.BotoxPrior != null)
                .OrderBy(o => o.CaseId).ToListAsync();
            var chosen = candidates.First(o => o.Imaging.Any(i => i.NvcDetected == "yes" && (i.VesselImg ?? "").Split('|').Contains("VA")));
            return (chosen, chosen.Patient!);
        });
        var (birth, surgery) = (patient.BirthDate!.Value, operation.SurgeryDate!.Value);
        var age = surgery.Year - birth.Year - (birth.AddYears(surgery.Year - birth.Year) > surgery ? 1 : 0);

        var casePage = await PageAsync($"/Cases/{operation.CaseId}");
        Assert.Contains($"href=\"/Cases/{operation.CaseId}/Counselling\"", casePage);
        var html = await PageAsync($"/Cases/{operation.CaseId}/Counselling");

        Assert.Contains($"Counselling for patient {patient.PatientId}", html);
        Assert.Contains($"name=\"age\" value=\"{age}\"", html);
        Assert.Contains($"name=\"months\" value=\"{operation.SymptomDurationMonths}\"", html);
        Assert.Matches($"<select[^>]*name=\"sex\">.*?<option value=\"{patient.Sex}\" selected=\"selected\">", Regex.Replace(html, @"\s+", " "));
        Assert.Matches($"<select[^>]*name=\"botox\">.*?<option value=\"{operation.BotoxPrior}\" selected=\"selected\">", Regex.Replace(html, @"\s+", " "));
        Assert.Matches("<select[^>]*name=\"va\">.*?<option value=\"yes\" selected=\"selected\">", Regex.Replace(html, @"\s+", " "));
        Assert.Contains("Vertebral artery from the", Words(html));
        Assert.Contains("Chance of success at one year", html);
        Assert.Contains("Vertebral artery the main vessel at surgery", Words(html));
        // The form comes back to this page, where a typed profile replaces the recorded one.
        Assert.Contains($"action=\"/Cases/{operation.CaseId}/Counselling\"", html);
        var changed = Words(await PageAsync($"/Cases/{operation.CaseId}/Counselling?indication=HFS&age=30&sex=M&months=6&botox=no&va=no"));
        Assert.DoesNotContain("Filled in from operation", changed);
        Assert.Contains("about 94 of 100", changed); // R: plogis 0.9360 for 30, male, 6 months, no VA, no botox, LSR gone
    }
}

public sealed class SqliteCounsellingPageTests(SqliteTestDatabase database) : CounsellingPageTests<SqliteTestDatabase>(database);

public sealed class PostgresCounsellingPageTests(PostgresTestDatabase database) : CounsellingPageTests<PostgresTestDatabase>(database);
