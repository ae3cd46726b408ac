using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Deleting;

/// <summary>A DELETE as a client sends it, and what the registry holds afterwards.</summary>
public static class DeleteRequests
{
    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, int? version, string? reason)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, version is { } v ? $"{url}?version={v}" : url);
        if (reason is not null) request.Headers.Add("X-Change-Reason", reason);
        return client.SendAsync(request);
    }

    /// <summary>The delete rows of the audit trail, oldest first.</summary>
    public static Task<List<AuditEntry>> DeleteRowsAsync(this TestDatabase database) =>
        database.ExecuteAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Action == AuditAction.Delete).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The values a delete row kept.</summary>
    public static Dictionary<string, string> Values(AuditEntry row) => JsonSerializer.Deserialize<Dictionary<string, string>>(row.OldValue!)!;
}
