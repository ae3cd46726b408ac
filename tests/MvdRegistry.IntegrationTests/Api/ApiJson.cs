using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MvdRegistry.IntegrationTests.Api;

/// <summary>The API as a client sees it: JSON objects on the wire, no shared types.</summary>
public static class ApiJson
{
    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A record as GET returned it, ready to send back: without the fields the registry keeps.</summary>
    public static async Task<JsonObject> GetForEditAsync(this HttpClient client, string url)
    {
        var record = await client.GetObjectAsync(url);
        record.Remove("created_at");
        record.Remove("updated_at");
        return record;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, JsonNode body, string? reason = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (reason is not null) request.Headers.Add("X-Change-Reason", reason);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode body, string? reason = null) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, reason);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body, string? reason = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, reason);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>The messages a problem's "errors" (or "warnings") give for one field.</summary>
    public static string[] Messages(this JsonObject problem, string field, string member = "errors") =>
        problem[member]?[field]?.AsArray().Select(m => m!.GetValue<string>()).ToArray() ?? [];
}
