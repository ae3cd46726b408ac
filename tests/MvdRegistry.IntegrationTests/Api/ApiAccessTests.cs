using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Api;

/// <summary>Who reaches the API at all; the authorization matrix checks every endpoint the same way.</summary>
public abstract class ApiAccessTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    [Fact]
    public async Task An_anonymous_caller_gets_401_rather_than_a_redirect_to_the_sign_in_page()
    {
        var response = await Web.Anonymous().GetAsync($"/api/operations/{CaseId(Own)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_researcher_gets_403_and_no_identified_data()
    {
        var client = await SignedInAsync("researcher");

        var list = await client.GetAsync("/api/patients");
        var patient = await client.GetAsync($"/api/patients/{PatientId(Own)}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, patient.StatusCode));
        var bodies = await list.Content.ReadAsStringAsync() + await patient.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Mrn(Own), bodies);
        Assert.DoesNotContain(BirthDate, bodies);
    }

    [Fact]
    public async Task An_administrator_reads_the_granted_sites_but_does_not_write()
    {
        var client = await SignedInAsync("admin");
        var patient = await client.GetForEditAsync($"/api/patients/{PatientId(Own)}");
        patient["sex"] = "M";

        var update = await client.PutJsonAsync($"/api/patients/{PatientId(Own)}", patient);
        var create = await client.PostJsonAsync("/api/patients", new JsonObject { ["patient_id"] = "P-ADMIN", ["site_code"] = Own });

        Assert.Equal(Mrn(Own), (string?)patient["mrn"]);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (update.StatusCode, create.StatusCode));
        await using var db = Database.NewContext();
        Assert.Equal("F", (await db.Patients.SingleAsync(p => p.PatientId == PatientId(Own))).Sex);
    }

    [Fact]
    public async Task A_surgeon_cannot_create_or_move_a_patient_into_a_site_not_granted()
    {
        var client = await SignedInAsync("surgeon.hou");
        var patient = await client.GetForEditAsync($"/api/patients/{PatientId(Own)}");
        patient["site_code"] = Other;

        var moved = await (await client.PutJsonAsync($"/api/patients/{PatientId(Own)}", patient)).ReadObjectAsync();
        var created = await (await client.PostJsonAsync("/api/patients", new JsonObject
        {
            ["patient_id"] = "P-NEW", ["site_code"] = Other, ["birth_date"] = "1970-01-01", ["sex"] = "F", ["consent_status"] = "consented",
        })).ReadObjectAsync();

        Assert.Equal("you may not enter records for site BCN: you enter records for HOU only", moved.Messages("site_code").Single());
        Assert.Equal("you may not enter records for site BCN: you enter records for HOU only", created.Messages("site_code").Single());
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task A_json_body_is_required_so_that_a_cross_site_form_post_cannot_write()
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.PostAsync("/api/patients", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["patient_id"] = "P-FORM", ["site_code"] = Own,
        }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}

public sealed class SqliteApiAccessTests(SqliteTestDatabase database) : ApiAccessTests<SqliteTestDatabase>(database);

public sealed class PostgresApiAccessTests(PostgresTestDatabase database) : ApiAccessTests<PostgresTestDatabase>(database);
