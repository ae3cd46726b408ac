using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Admin.Users;

/// <summary>The choices the user form offers: every site, every surgeon code (with the user it is linked to).</summary>
public sealed record UserFormOptions(IReadOnlyList<Site> Sites, IReadOnlyList<Surgeon> Surgeons, bool RolesFromEntra)
{
    public static async Task<UserFormOptions> LoadAsync(RegistryDbContext db, AuthenticationOptions authentication, CancellationToken ct) => new(
        await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct),
        await db.Surgeons.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct),
        !authentication.IsLocal);
}

/// <summary>What the shared form partial needs: the input, the choices, and whether it edits the administrator's own account.</summary>
public sealed record UserFormModel(UserInput Input, UserFormOptions Options, string? UserName, bool IsSelf);
