using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Admin.Users;

/// <summary>
/// Checks and applies an administrator's change to a user account, and writes it to the audit trail
/// (entity "user": who changed whose roles, sites or surgeon code). The claims transformation reads
/// the account on every request, so the change holds from the user's next request on.
/// </summary>
public sealed class UserAdministration(RegistryDbContext db, RegistryUser administrator, TimeProvider clock)
{
    public const string AuditEntity = "user";

    /// <returns>Problems keyed by the input field they concern ("" for the whole form).</returns>
    public async Task<List<(string Field, string Message)>> ProblemsAsync(string userName, UserInput input, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        foreach (var role in input.Roles.Where(r => !Roles.All.Contains(r)))
            problems.Add((nameof(UserInput.Roles), $"'{role}' is not a role."));
        var sites = await db.Sites.Select(s => s.Code).ToListAsync(ct);
        foreach (var site in input.Sites.Where(s => !sites.Contains(s)))
            problems.Add((nameof(UserInput.Sites), $"'{site}' is not a site."));
        if (userName == administrator.Name && !input.Roles.Contains(Roles.Administrator))
            problems.Add((nameof(UserInput.Roles), "You cannot remove your own Administrator role: another administrator must do it."));
        if (input.SurgeonCode is { } code)
        {
            var surgeon = await db.Surgeons.AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct);
            var other = await db.Users.AsNoTracking().Where(u => u.SurgeonCode == code && u.UserName != userName).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            var linked = other ?? (surgeon?.UserName is { } owner && owner != userName ? owner : null);
            if (surgeon is null) problems.Add((nameof(UserInput.SurgeonCode), $"'{code}' is not a surgeon code of the registry."));
            else if (linked is not null)
                problems.Add((nameof(UserInput.SurgeonCode), $"{code} is linked to {linked}: unlink it there first."));
        }
        return problems;
    }

    /// <summary>
    /// Applies the input and writes it with its audit rows. An edit is checked against the version the
    /// form was opened at, in the database's UPDATE as well: false, and nothing written, when another
    /// administrator saved the account in between. An edit always bumps the account's version, a change
    /// of site grants alone included, so that the next stale form is caught.
    /// </summary>
    public async Task<bool> SaveAsync(UserAccount account, UserInput input, bool isNew, CancellationToken ct)
    {
        if (!isNew)
        {
            if (input.Version != account.Version) return false;
            db.Entry(account).Property(a => a.DisplayName).IsModified = true;
        }
        var before = isNew ? null : Describe(account);
        account.DisplayName = input.DisplayName.Trim();
        // Stored in the registry's role order, so the same choice always reads the same.
        account.Roles = string.Join('|', Roles.All.Where(input.Roles.Contains));
        account.SurgeonCode = input.SurgeonCode;
        account.Sites.RemoveAll(s => !input.Sites.Contains(s.SiteCode));
        foreach (var site in input.Sites.Distinct().Where(s => account.Sites.All(g => g.SiteCode != s)))
            account.Sites.Add(new UserSite { UserName = account.UserName, SiteCode = site });
        await LinkSurgeonAsync(account.UserName, input.SurgeonCode, ct);

        var after = Describe(account);
        var now = clock.GetUtcNow().UtcDateTime;
        if (before is null)
            db.AuditLog.Add(Audit(account.UserName, AuditAction.Insert, now, null, null, JsonSerializer.Serialize(after)));
        else
            foreach (var (field, value) in after.Where(f => before[f.Key] != f.Value))
                db.AuditLog.Add(Audit(account.UserName, AuditAction.Update, now, field, NullIfEmpty(before[field]), NullIfEmpty(value)));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (!isNew)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The surgeon row points back at its user: keep both ends of the link the same.</summary>
    private async Task LinkSurgeonAsync(string userName, string? code, CancellationToken ct)
    {
        foreach (var surgeon in await db.Surgeons.Where(s => s.UserName == userName || s.Code == code).ToListAsync(ct))
            surgeon.UserName = surgeon.Code == code ? userName : null;
    }

    private static Dictionary<string, string> Describe(UserAccount account) => new()
    {
        ["display_name"] = account.DisplayName,
        ["roles"] = account.Roles,
        ["sites"] = string.Join('|', account.Sites.Select(s => s.SiteCode).Order(StringComparer.Ordinal)),
        ["surgeon_code"] = account.SurgeonCode ?? "",
    };

    private AuditEntry Audit(string userName, AuditAction action, DateTime at, string? field, string? oldValue, string? newValue) => new()
    {
        At = at, User = administrator.Name, Entity = AuditEntity, Key = userName, Action = action,
        Field = field, OldValue = oldValue, NewValue = newValue, Reason = "user administration",
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
