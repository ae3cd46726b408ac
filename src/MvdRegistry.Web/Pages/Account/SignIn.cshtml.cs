using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using AuthenticationOptions = MvdRegistry.Web.Access.AuthenticationOptions;

namespace MvdRegistry.Web.Pages.Account;

/// <summary>The local development sign-in (Authentication:Mode = Local); absent with Entra ID.</summary>
[AllowAnonymous]
public sealed class SignInModel(RegistryDbContext db, IOptions<AuthenticationOptions> authentication) : PageModel
{
    public List<UserAccount> Users { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!authentication.Value.IsLocal) return NotFound();
        Users = await db.Users.AsNoTracking().Include(u => u.Sites).OrderBy(u => u.Roles).ThenBy(u => u.UserName).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName)
    {
        if (!authentication.Value.IsLocal) return NotFound();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName);
        if (user is null) return BadRequest();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], LocalSignIn.IdentityType);
        await HttpContext.SignInAsync(LocalSignIn.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
