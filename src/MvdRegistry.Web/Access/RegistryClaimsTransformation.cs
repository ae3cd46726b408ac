using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Access;

/// <summary>
/// Adds the user's site grants (and surgeon code) from the registry to the signed-in principal, on
/// every request, so that a grant an administrator removes takes effect at once. Roles come from the
/// identity provider (Entra ID app roles) or, for the local sign-in, from the registry as well.
/// </summary>
public sealed class RegistryClaimsTransformation(RegistryDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || principal.HasClaim(c => c.Type == RegistryClaims.Loaded))
            return principal;
        var name = identity.Name ?? "";
        var account = await db.Users.AsNoTracking().Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == name);
        var added = new ClaimsIdentity();
        added.AddClaim(new Claim(RegistryClaims.Loaded, "1"));
        if (account is not null)
        {
            foreach (var site in account.Sites) added.AddClaim(new Claim(RegistryClaims.Site, site.SiteCode));
            if (account.SurgeonCode is { } code) added.AddClaim(new Claim(RegistryClaims.SurgeonCode, code));
            if (identity.AuthenticationType == LocalSignIn.IdentityType)
            {
                foreach (var role in account.RoleList) added.AddClaim(new Claim(identity.RoleClaimType, role));
            }
        }
        var result = principal.Clone();
        result.AddIdentity(added);
        return result;
    }
}
