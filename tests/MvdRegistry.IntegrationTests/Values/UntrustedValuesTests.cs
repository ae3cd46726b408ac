using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Api;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Values;

/// <summary>
/// The value rules of the Core (keys, control and invisible characters, formula prefixes, decimal commas)
/// hold on the pages and the JSON API as in the import: each bad value is refused with its message beside
/// its field, and nothing is written (no row, no change, no audit row).
/// </summary>
public abstract class UntrustedValuesTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    private const string KeyRule = "1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit";

    /// <summary>P1 and C1 as <see cref="EntryCases"/> seeded them, the row counts, and no audit row but the seed's.</summary>
    private async Task AssertNothingWrittenAsync(Dictionary<string, int> before)
    {
        Assert.Equal(before, await CountAsync());
        await using var db = Db();
        var patient = await db.Patients.SingleAsync(p => p.PatientId == "P1");
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C1");
        Assert.Equal(("HOU0000001", "HOU", 1), (patient.Mrn, patient.SiteCode, patient.Version));
        Assert.Equal(((decimal?)null, 150, 1), (operation.Bmi, operation.DurationMin, operation.Version));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update));
    }

    private async Task<Dictionary<string, int>> CountAsync()
    {
        await using var db = Db();
        return new()
        {
            ["patients"] = await db.Patients.CountAsync(), ["operations"] = await db.Operations.CountAsync(),
            ["sites"] = await db.Sites.CountAsync(), ["audit"] = await db.AuditLog.CountAsync(),
        };
    }

    public static TheoryData<string, string, string, string> BadPageValues => new()
    {
        // page, field, typed value, the message beside the field
        { "/Patients/P1/Edit", "mrn", "=HYPERLINK(\"http://x\")", "begins with =: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)" },
        { "/Patients/P1/Edit", "mrn", "+41 44", "begins with +: a text value may not begin with =, +, - or @" },
        { "/Patients/P1/Edit", "mrn", "HOU\u200B0000001", "holds an invisible or control character (U+200B) at position 4: type the value again without it" },
        { "/Patients/P1/Edit", "mrn", "HOU\u202E1000000", "holds an invisible or control character (U+202E) at position 4" },
        { "/Patients/P1/Edit", "mrn", "HOU0000001\t", "holds an invisible or control character (U+0009 tab) at position 11" },
        { "/Cases/C1/Edit", "bmi", "27,5", "'27,5' has a comma: write a decimal with a point (26.4), and no thousands separator" },
        { "/Cases/C1/Edit", "duration_min", "1,500", "'1,500' has a comma: write a decimal with a point (26.4), and no thousands separator" },
    };

    [Theory]
    [MemberData(nameof(BadPageValues))]
    public async Task A_page_refuses_an_untrusted_value_beside_its_field_and_writes_nothing(string page, string field, string value, string message)
    {
        var before = await CountAsync();
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, page);

        var response = await PostAsync(client, page, form.Set(field, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Page.HtmlAsync(response);
        Assert.Contains(message, Page.Text(Page.Field(html, field)));
        await AssertNothingWrittenAsync(before);
    }

    [Theory]
    [InlineData("P1/../X")]
    [InlineData("P1é")]
    [InlineData("..")]
    public async Task A_new_patient_typed_with_a_key_outside_the_syntax_is_refused(string key)
    {
        var before = await CountAsync();
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");
        form.Set("patient_choice", "new").Set("patient_id", key).Set("site_code", "HOU").Set("mrn", "HOU7654321").Set("birth_date", "1971-03-04")
            .Set("sex", "F").Set("consent_status", "consented").Set("indication", "TN").Set("side", "L").Set("redo", "no")
            .Set("surgery_date", "2025-03-01").Set("surgeon_code", "HOU-S1").Set("approach", "rs_infrafloccular");

        var response = await PostAsync(client, "/Cases/New", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"is not a valid key: {KeyRule}", Page.Text(Page.Field(await Page.HtmlAsync(response), "patient_id")));
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task A_number_field_is_a_text_input_so_the_browser_posts_exactly_what_was_typed()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, "/Cases/C1/Edit");

        foreach (var field in new[] { "bmi", "duration_min" })
        {
            var input = Regex.Match(Page.Field(html, field), "<input[^>]*name=\"" + field + "\"[^>]*>").Value;
            Assert.Contains("type=\"text\"", input);
            Assert.Contains("inputmode=\"decimal\"", input);
            Assert.DoesNotContain("type=\"number\"", input);
        }
    }

    [Fact]
    public async Task A_value_refused_on_a_page_is_shown_again_as_typed()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Edit");

        var response = await PostAsync(client, "/Cases/C1/Edit", form.Set("bmi", "27,5"));

        Assert.Equal("27,5", HtmlForm.Parse(await Page.HtmlAsync(response))["bmi"]);
    }

    public static TheoryData<string, string, string> BadApiValues => new()
    {
        // field, value, the message under errors.field
        { "patient_id", "P1é", $"'P1é' is not a valid key: {KeyRule}" },
        { "patient_id", "P1/../X", $"'P1/../X' is not a valid key: {KeyRule}" },
        { "site_code", "HOU/X", $"'HOU/X' is not a valid code: {KeyRule}" },
        { "mrn", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0' begins with =: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)" },
        { "mrn", "@SUM(1)", "'@SUM(1)' begins with @: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)" },
        { "mrn", "HOU\u00000000099", "holds an invisible or control character (U+0000) at position 4: type the value again without it" },
        { "mrn", "HOU\u20660000099", "holds an invisible or control character (U+2066) at position 4: type the value again without it" },
    };

    [Theory]
    [MemberData(nameof(BadApiValues))]
    public async Task The_api_refuses_an_untrusted_value_in_a_new_patient_with_400_and_writes_nothing(string field, string value, string message)
    {
        var before = await CountAsync();
        var client = await SignedInAsync("surgeon.hou");
        var body = new JsonObject
        {
            ["patient_id"] = "P-NEW", ["site_code"] = "HOU", ["mrn"] = "HOU0000099", ["birth_date"] = "1971-02-03",
            ["sex"] = "M", ["consent_status"] = "consented",
        };
        body[field] = value;

        var response = await client.PostJsonAsync("/api/patients", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The API may add its own message (a site not granted, say); the Core's must be among them.
        Assert.Contains(message, (await response.ReadObjectAsync()).Messages(field));
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task The_api_refuses_an_untrusted_value_in_a_change_and_keeps_the_stored_one()
    {
        var before = await CountAsync();
        var client = await SignedInAsync("surgeon.hou");
        var patient = await client.GetForEditAsync("/api/patients/P1");
        patient["mrn"] = "-2+3";

        var response = await client.PutJsonAsync("/api/patients/P1", patient);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'-2+3' begins with -: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)"],
            (await response.ReadObjectAsync()).Messages("mrn"));
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task The_api_takes_numbers_as_json_numbers_so_a_decimal_comma_cannot_be_sent()
    {
        var before = await CountAsync();
        var client = await SignedInAsync("surgeon.hou");
        var operation = await client.GetForEditAsync("/api/operations/C1");
        operation["bmi"] = "26,4";

        var response = await client.PutJsonAsync("/api/operations/C1", operation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["expected a number or null, not \"26,4\""], (await response.ReadObjectAsync()).Messages("bmi"));
        await AssertNothingWrittenAsync(before);
    }
}

public sealed class SqliteUntrustedValuesTests(SqliteTestDatabase database) : UntrustedValuesTests<SqliteTestDatabase>(database);

public sealed class PostgresUntrustedValuesTests(PostgresTestDatabase database) : UntrustedValuesTests<PostgresTestDatabase>(database);
