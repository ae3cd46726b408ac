using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Api.Operations;

public static class SurgeonCode
{
    /// <summary>
    /// An operation's surgeon must be a registered surgeon code (the import creates new ones; the API,
    /// like the pages, does not invent a colleague from a typo).
    /// </summary>
    public static async Task CheckAsync(RegistryDbContext db, string? code, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return;
        if (!await db.Surgeons.AnyAsync(s => s.Code == code.Trim(), ct))
            errors["surgeon_code"] = $"'{code.Trim()}' is not a registered surgeon code";
    }
}
