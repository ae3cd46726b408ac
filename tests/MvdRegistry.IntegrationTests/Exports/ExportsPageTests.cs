using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Exports;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>
/// /Exports through the real web host (no Hangfire server there): what is queued and what is refused,
/// who may download a run's files, and expired exports.
/// </summary>
public abstract class ExportsPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private const string OtherResearcher = "researcher.two";

    private readonly List<string> _files = [];

    protected override async Task SeedAsync()
    {
        await TwoSites.SeedAsync(Database);
        await using var db = Db();
        db.Users.Add(new UserAccount { UserName = OtherResearcher, DisplayName = "Another researcher", Roles = Roles.Researcher });
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        foreach (var file in _files) File.Delete(file);
        GC.SuppressFinalize(this);
    }

    private JobsOptions Options => Web.Services.GetRequiredService<IOptions<JobsOptions>>().Value;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields) => PostFormAsync(client, [.. fields]);

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, KeyValuePair<string, string>[] fields) =>
        FormHtml.PostAsync(client, "/Exports", "/Exports?handler=Run", fields);

    /// <summary>The Exports form as <paramref name="page"/> shows it.</summary>
    private static (string Kind, string Format, string Indication, string Sites, string FromYear, string ToYear) FormOf(string page) =>
        (FormHtml.Chosen(page, "kind"), FormHtml.Chosen(page, "format"), FormHtml.Chosen(page, "indication"), FormHtml.TickedSites(page),
            FormHtml.Typed(page, "fromYear"), FormHtml.Typed(page, "toYear"));

    private async Task<int> RunCountAsync()
    {
        await using var db = Db();
        return await db.JobRuns.CountAsync();
    }

    /// <summary>A finished export run of <paramref name="requestedBy"/> whose file (and scripts) are written where the job writes them.</summary>
    private async Task<JobRun> FinishedRunAsync(string requestedBy, bool withFile = true, string? output = null, DateTime? finishedAt = null)
    {
        await using var db = Db();
        var run = new JobRun
        {
            Kind = ExportJob.Kind, Parameters = """{"Export":"Deidentified","Format":"Xlsx","Indication":null,"Sites":null,"FromYear":null,"ToYear":null}""",
            RequestedBy = requestedBy, Status = JobRunStatus.Succeeded, QueuedAt = DateTime.UtcNow, FinishedAt = finishedAt ?? DateTime.UtcNow,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        run.Output = output ?? Path.Combine(ExportJob.FolderOf(Options), $"deidentified-test{Guid.NewGuid():N}.xlsx");
        await db.SaveChangesAsync();
        if (withFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(run.Output)!);
            await File.WriteAllBytesAsync(run.Output, [0x50, 0x4B, 3, 4, (byte)(run.Id % 250)]);
            var script = Path.ChangeExtension(run.Output, ".read_export.R");
            await File.WriteAllTextAsync(script, "# R\n");
            _files.AddRange([run.Output, script]);
        }
        return run;
    }

    public static TheoryData<string, string, string, string, string, string, string> BadChoices => new()
    {
        // user, kind, format, indication, sites, from year, to year: the reason shown
        { DemoUsers.Researcher, "identified", "zip", "", "", "", "" },
        { DemoUsers.Administrator, "identified", "xlsx", "", "", "", "" },
        { DemoUsers.Administrator, "identified", "zip", "HFS", "", "", "" },
        { DemoUsers.Administrator, "identified", "zip", "", "HOU", "", "" },
        { DemoUsers.Researcher, "everything", "zip", "", "", "", "" },
        { DemoUsers.Researcher, "", "zip", "", "", "", "" },
        { DemoUsers.Researcher, "deidentified", "pdf", "", "", "", "" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "XYZ", "", "", "" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "", "NOPE", "", "" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "", "", "2020", "2010" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "", "", "1850", "" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "", "", "", "20x0" },
        { DemoUsers.Researcher, "deidentified", "xlsx", "", "", "-2020", "" },
    };

    private static readonly Dictionary<(string Kind, string Format, string Indication, string Sites, string From, string To), string> Reasons = new()
    {
        [("identified", "zip", "", "", "", "")] = "the identified bundle (the five import files, with MRNs and dates) is for registry administrators only",
        [("identified", "xlsx", "", "", "", "")] = "the identified bundle is written as CSV files only, not as xlsx",
        [("identified", "zip", "HFS", "", "", "")] = "the identified bundle is the whole registry: the filters (indication, sites, years) are for the de-identified export",
        [("identified", "zip", "", "HOU", "", "")] = "the identified bundle is the whole registry: the filters (indication, sites, years) are for the de-identified export",
        [("everything", "zip", "", "", "", "")] = "'everything' is not a kind of export (deidentified, identified)",
        [("", "zip", "", "", "", "")] = "'' is not a kind of export (deidentified, identified)",
        [("deidentified", "pdf", "", "", "", "")] = "'pdf' is not a format (xlsx, zip)",
        [("deidentified", "xlsx", "XYZ", "", "", "")] = "Indication 'XYZ' is not an indication (HFS, TN, GPN, OTHER)",
        [("deidentified", "xlsx", "", "NOPE", "", "")] = "Sites: 'NOPE' is not a site of the registry",
        [("deidentified", "xlsx", "", "", "2020", "2010")] = "From year 2020 is after to year 2010",
        [("deidentified", "xlsx", "", "", "1850", "")] = "From year 1850 is not a year of surgery (2000 to 9998)",
        [("deidentified", "xlsx", "", "", "", "20x0")] = "To year '20x0' is not a year",
        [("deidentified", "xlsx", "", "", "-2020", "")] = "From year '-2020' is not a year",
    };

    [Theory]
    [MemberData(nameof(BadChoices))]
    public async Task A_bad_choice_is_refused_with_its_reason_and_nothing_is_queued(string user, string kind, string format, string indication, string sites, string from, string to)
    {
        var client = await SignedInAsync(user);

        var response = await PostAsync(client, new() { ["kind"] = kind, ["format"] = format, ["indication"] = indication, ["sites"] = sites, ["fromYear"] = from, ["toYear"] = to });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Exports"));
        Assert.Contains("Nothing was queued: " + Reasons[(kind, format, indication, sites, from, to)], page);
        Assert.Equal(0, await RunCountAsync());
    }

    [Fact]
    public async Task A_researchers_export_is_queued_as_an_export_run_of_their_choice_whose_row_downloads_when_ready()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);

        var response = await PostAsync(client, new()
        {
            ["kind"] = "deidentified", ["format"] = "zip", ["indication"] = "HFS", ["sites"] = "HOU", ["fromYear"] = "2010", ["toYear"] = "2025",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Db();
        var run = await db.JobRuns.AsNoTracking().SingleAsync();
        Assert.Equal((ExportJob.Kind, DemoUsers.Researcher, JobRunStatus.Queued), (run.Kind, run.RequestedBy, run.Status));
        Assert.Equal("""{"Export":"Deidentified","Format":"Csv","Indication":"HFS","Sites":["HOU"],"FromYear":2010,"ToYear":2025}""", run.Parameters);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Exports"));
        Assert.Contains($"Export run {run.Id} queued", page);
        Assert.Contains($"<tr data-run-id=\"{run.Id}\" data-active=\"true\" data-auto-download=\"true\">", page);
        Assert.Contains("<span data-show-when-done hidden>", page);
        Assert.Contains("indication HFS; sites HOU; from 2010; to 2025", page);
        Assert.DoesNotContain("value=\"identified\"", page);
        Assert.Contains("value=\"identified\"", await (await SignedInAsync(DemoUsers.Administrator)).GetStringAsync("/Exports"));
        Assert.Equal(("deidentified", "zip", "HFS", "HOU", "2010", "2025"), FormOf(await FormHtml.FollowAsync(client, response)));
    }

    [Fact]
    public async Task The_form_starts_at_the_deidentified_workbook_of_everything()
    {
        var client = await SignedInAsync(DemoUsers.Administrator);

        Assert.Equal(("deidentified", "xlsx", "", "", "", ""), FormOf(await client.GetStringAsync("/Exports")));
    }

    [Fact]
    public async Task A_refused_choice_comes_back_in_the_form_as_it_was_typed_and_nothing_is_queued()
    {
        var researcher = await SignedInAsync(DemoUsers.Researcher);

        var response = await PostFormAsync(researcher, [
            new("kind", "deidentified"), new("format", "zip"), new("indication", "TN"), new("sites", TwoSites.Other), new("sites", TwoSites.Own),
            new("fromYear", "2012"), new("toYear", "20x0 <b>"),
        ]);

        var page = await FormHtml.FollowAsync(researcher, response);
        Assert.Contains("Nothing was queued: To year '20x0 <b>' is not a year.", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("20x0 <b>", page);
        Assert.Equal(("deidentified", "zip", "TN", "BCN,HOU", "2012", "20x0 <b>"), FormOf(page));

        var admin = await SignedInAsync(DemoUsers.Administrator);
        var refused = await PostAsync(admin, new() { ["kind"] = "identified", ["format"] = "xlsx", ["indication"] = "", ["fromYear"] = "", ["toYear"] = "" });
        Assert.Equal(("identified", "xlsx", "", "", "", ""), FormOf(await FormHtml.FollowAsync(admin, refused)));
        Assert.Equal(0, await RunCountAsync());
    }

    [Fact]
    public async Task Only_the_requester_and_administrators_download_an_exports_files()
    {
        var run = await FinishedRunAsync(DemoUsers.Researcher);
        var url = $"/Exports?handler=Download&id={run.Id}";

        foreach (var user in new[] { DemoUsers.Researcher, DemoUsers.Administrator })
        {
            var client = await SignedInAsync(user);
            var download = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal([0x50, 0x4B, 3, 4, (byte)(run.Id % 250)], await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
            var script = await client.GetAsync(url + "&part=R");
            Assert.Equal(("# R\n", "text/plain"), (await script.Content.ReadAsStringAsync(), script.Content.Headers.ContentType!.MediaType));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "&part=do")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "&part=../../etc/passwd")).StatusCode);
            Assert.Contains($"href=\"/Exports?id={run.Id}&amp;handler=Download\"", await client.GetStringAsync("/Exports"));
        }

        var other = await SignedInAsync(OtherResearcher);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + "&part=R")).StatusCode);
        Assert.DoesNotContain($"data-run-id=\"{run.Id}\"", await other.GetStringAsync("/Exports"));
        foreach (var surgeon in new[] { DemoUsers.SurgeonOf(TwoSites.Own), DemoUsers.SurgeonOf(TwoSites.Other) })
        {
            var denied = await (await SignedInAsync(surgeon)).GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/Account/Denied", denied.Headers.Location!.OriginalString);
        }
        var anonymous = await Web.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/SignIn", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_run_whose_output_is_outside_the_export_folder_or_not_an_export_is_never_served()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"mvd-outside-{Guid.NewGuid():N}.xlsx");
        var elsewhere = await FinishedRunAsync(DemoUsers.Researcher, output: outside);
        var admin = await SignedInAsync(DemoUsers.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Exports?handler=Download&id={elsewhere.Id}")).StatusCode);
        await using var db = Db();
        var report = new JobRun { Kind = "report", RequestedBy = DemoUsers.Administrator, Status = JobRunStatus.Succeeded, QueuedAt = DateTime.UtcNow, Output = (await FinishedRunAsync(DemoUsers.Administrator)).Output };
        db.JobRuns.Add(report);
        await db.SaveChangesAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Exports?handler=Download&id={report.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_cleanup_removes_the_files_of_exports_older_than_the_retention_and_the_page_shows_them_expired()
    {
        var days = Options.ExportRetentionDays;
        var now = DateTime.UtcNow;
        var old = await FinishedRunAsync(DemoUsers.Researcher, finishedAt: now.AddDays(-days).AddMinutes(-1));
        var recent = await FinishedRunAsync(DemoUsers.Researcher, finishedAt: now.AddDays(-days).AddMinutes(5));

        await using (var db = Db())
        {
            var removed = await new ExportRetention(db, new FixedClock(now), Microsoft.Extensions.Options.Options.Create(Options)).RunAsync();
            Assert.Equal(2, removed);
        }

        Assert.False(File.Exists(old.Output));
        Assert.False(File.Exists(Path.ChangeExtension(old.Output!, ".read_export.R")));
        Assert.True(File.Exists(recent.Output));
        var client = await SignedInAsync(DemoUsers.Researcher);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Exports?handler=Download&id={old.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Exports?handler=Download&id={recent.Id}")).StatusCode);
        var page = await client.GetStringAsync("/Exports");
        var oldRow = page[page.IndexOf($"data-run-id=\"{old.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("data-expired>expired</span>", oldRow[..oldRow.IndexOf("</tr>", StringComparison.Ordinal)]);
        var recentRow = page[page.IndexOf($"data-run-id=\"{recent.Id}\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("expired", recentRow[..recentRow.IndexOf("</tr>", StringComparison.Ordinal)]);
        await using var check = Db();
        Assert.Equal(2, await check.JobRuns.CountAsync(r => r.Kind == ExportJob.Kind));
    }
}

public sealed class SqliteExportsPageTests(SqliteTestDatabase database) : ExportsPageTests<SqliteTestDatabase>(database);

public sealed class PostgresExportsPageTests(PostgresTestDatabase database) : ExportsPageTests<PostgresTestDatabase>(database);
