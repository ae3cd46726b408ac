using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Access;

/// <summary>
/// Adds the user's site grants (and surgeon code) from the registry to the signed-in principal, on
/// every request, so that a grant an administrator removes takes effect at once. Roles come from the
/// identity provider (Entra ID app roles) or, for the local sign-in, from the registry as well.
/// </summary>
/// <remarks>
/// Nothing is kept between requests: the account's row and its site rows are read again each time, so a
/// change by any path (the administration pages, another host, the command line, SQL) holds from the
/// user's next request. The read is one compiled statement of the three columns it needs (an account
/// joined to its sites), not a tracked entity with its collection included.
/// </remarks>
public sealed class RegistryClaimsTransformation(RegistryDbContext db) : IClaimsTransformation
{
    private sealed record AccountRow(string Roles, string? SurgeonCode, string? Site);

    private static readonly CompiledQueries<Func<RegistryDbContext, string, IAsyncEnumerable<AccountRow>>> Account = new(() =>
        EF.CompileAsyncQuery((RegistryDbContext db, string name) =>
            from u in db.Users.AsNoTracking()
            where u.UserName == name
            from s in u.Sites.DefaultIfEmpty()
            select new AccountRow(u.Roles, u.SurgeonCode, s == null ? null : s.SiteCode)));

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || principal.HasClaim(c => c.Type == RegistryClaims.Loaded))
            return principal;
        var rows = new List<AccountRow>();
        await foreach (var row in Account.For(db)(db, identity.Name ?? "")) rows.Add(row);
        var added = new ClaimsIdentity();
        added.AddClaim(new Claim(RegistryClaims.Loaded, "1"));
        if (rows.Count > 0)
        {
            var account = rows[0];
            foreach (var site in rows.Select(r => r.Site).OfType<string>().Distinct(StringComparer.Ordinal))
                added.AddClaim(new Claim(RegistryClaims.Site, site));
            if (account.SurgeonCode is { } code) added.AddClaim(new Claim(RegistryClaims.SurgeonCode, code));
            if (identity.AuthenticationType == LocalSignIn.IdentityType)
            {
                foreach (var role in UserAccount.RolesOf(account.Roles))
                    added.AddClaim(new Claim(identity.RoleClaimType, role));
            }
        }
        var result = principal.Clone();
        result.AddIdentity(added);
        return result;
    }
}
