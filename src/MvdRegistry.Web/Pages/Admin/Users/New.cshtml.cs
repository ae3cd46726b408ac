using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(RegistryDbContext db, RegistryUser administrator, TimeProvider clock, IOptions<AuthenticationOptions> authentication) : PageModel
{
    /// <summary>The sign-in name: the Entra ID preferred_username (usually the e-mail address).</summary>
    [BindProperty]
    [Display(Name = "Sign-in name")]
    [Required(ErrorMessage = "A sign-in name is required.")]
    // The audit trail keys rows by at most 64 characters.
    [StringLength(64, ErrorMessage = "A sign-in name has at most 64 characters.")]
    [RegularExpression(@"^\S+$", ErrorMessage = "A sign-in name has no spaces.")]
    [TrustedText]
    public string UserName { get; set; } = "";

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public UserFormOptions Options { get; private set; } = null!;

    public UserFormModel Form => new(Input, Options, null, IsSelf: false);

    public async Task OnGetAsync(CancellationToken ct) => Options = await UserFormOptions.LoadAsync(db, authentication.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UserName = UserName.Trim();
        var lower = UserName.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.UserName.ToLower() == lower, ct))
            ModelState.AddModelError(nameof(UserName), $"{UserName} already exists.");
        var administration = new UserAdministration(db, administrator, clock);
        foreach (var (field, message) in await administration.ProblemsAsync(UserName, Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid)
        {
            Options = await UserFormOptions.LoadAsync(db, authentication.Value, ct);
            return Page();
        }
        var account = new UserAccount { UserName = UserName };
        db.Users.Add(account);
        await administration.SaveAsync(account, Input, isNew: true, ct);
        TempData["Saved"] = $"Added {UserName}.";
        return RedirectToPage("/Admin/Users/Index");
    }
}
