using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.IntegrationTests.Infrastructure;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Api;

public sealed class OpenApiDocumentTests(SqliteTestDatabase database) : RegistryTests<SqliteTestDatabase>(database)
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await Web.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();

    [Fact]
    public async Task The_document_describes_every_api_endpoint_the_app_maps()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();

        var mapped = Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();

        Assert.Equal(25, mapped.Count);
        Assert.Equal(mapped.Order(), documented.Order());
    }

    [Fact]
    public async Task An_update_is_described_with_its_input_record_and_its_problem_responses()
    {
        var put = (await DocumentAsync())["paths"]!["/api/operations/{caseId}"]!["put"]!;

        Assert.Equal("#/components/schemas/OperationInput", (string?)put["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/OperationRecord", (string?)put["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", (string?)put["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/StaleVersionProblem", (string?)put["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/UnconfirmedWarningsProblem", (string?)put["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Contains("X-Change-Reason", put["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.All(new[] { "401", "403", "404" }, status => Assert.NotNull(put["responses"]![status]));
        var post = (await DocumentAsync())["paths"]!["/api/operations"]!["post"]!;
        Assert.Equal("#/components/schemas/ProblemDetails", (string?)post["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task A_delete_is_described_with_its_version_its_reason_header_and_its_responses()
    {
        var delete = (await DocumentAsync())["paths"]!["/api/operations/{caseId}/followups/{id}"]!["delete"]!;

        var parameters = delete["parameters"]!.AsArray().Select(p => ((string?)p!["name"], (string?)p["in"])).ToList();
        Assert.Contains(("version", "query"), parameters);
        Assert.Contains(("X-Change-Reason", "header"), parameters);
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", (string?)delete["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/StaleVersionProblem", (string?)delete["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.All(new[] { "204", "401", "403", "404" }, status => Assert.NotNull(delete["responses"]![status]));
    }

    [Fact]
    public async Task The_records_properties_are_described_from_the_data_dictionary()
    {
        var properties = (await DocumentAsync())["components"]!["schemas"]!["OperationInput"]!["properties"]!;

        Assert.Equal(["L", "R", "B", null], properties["side"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("Side. Codes: L = Left; R = Right; B = Bilateral. Required.", (string?)properties["side"]!["description"]);
        Assert.Equal(["V1", "V2", "V3"], properties["tn_division"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("Required when it applies: when the indication is trigeminal neuralgia", (string?)properties["tn_division"]!["description"]);
        Assert.Equal("date", (string?)properties["surgery_date"]!["format"]);
        Assert.Equal((20, 900), ((int?)properties["duration_min"]!["minimum"], (int?)properties["duration_min"]!["maximum"]));
        Assert.Equal(["null", "integer"], properties["duration_min"]!["type"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["null", "number"], properties["bmi"]!["type"]!.AsArray().Select(t => (string?)t));
        Assert.NotNull(properties["confirm_warnings"]);
        Assert.Null(properties["created_at"]);
    }

    [Fact]
    public async Task The_document_is_open_without_sign_in_and_holds_no_record_data()
    {
        var response = await Web.Anonymous().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(new[] { Mrn(Own), PatientId(Own), CaseId(Own), SurgeryDate, BirthDate }, value => Assert.DoesNotContain(value, text));
    }
}
