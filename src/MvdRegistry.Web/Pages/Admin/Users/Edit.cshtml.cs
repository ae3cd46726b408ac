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
public sealed class EditModel(RegistryDbContext db, RegistryUser administrator, TimeProvider clock, IOptions<AuthenticationOptions> authentication) : PageModel
{
    public const string StaleMessage =
        "Another administrator changed this user after you opened the form: nothing was saved. The form now shows the account as it is; make your change again.";

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public UserFormOptions Options { get; private set; } = null!;

    public UserFormModel Form => new(Input, Options, UserName, UserName == administrator.Name);

    public async Task<IActionResult> OnGetAsync(string userName, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null) return NotFound();
        await ShowAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken ct)
    {
        var account = await db.Users.Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null) return NotFound();
        UserName = account.UserName;
        if (Input.Version != account.Version) return await StaleAsync(userName, ct);
        var administration = new UserAdministration(db, administrator, clock);
        foreach (var (field, message) in await administration.ProblemsAsync(UserName, Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid)
        {
            Options = await UserFormOptions.LoadAsync(db, authentication.Value, ct);
            return Page();
        }
        if (!await administration.SaveAsync(account, Input, isNew: false, ct)) return await StaleAsync(userName, ct);
        TempData["Saved"] = $"Saved {UserName}: the change holds from their next request.";
        return RedirectToPage("/Admin/Users/Index");
    }

    /// <summary>A stale form: say so, and show the account as it is now, at its current version.</summary>
    private async Task<IActionResult> StaleAsync(string userName, CancellationToken ct)
    {
        var current = await db.Users.AsNoTracking().Include(u => u.Sites).SingleAsync(u => u.UserName == userName, ct);
        ModelState.Clear();
        ModelState.AddModelError("", StaleMessage);
        await ShowAsync(current, ct);
        return Page();
    }

    private async Task ShowAsync(UserAccount account, CancellationToken ct)
    {
        UserName = account.UserName;
        Input = new UserInput
        {
            DisplayName = account.DisplayName,
            Roles = account.RoleList.ToList(),
            Sites = account.Sites.Select(s => s.SiteCode).ToList(),
            SurgeonCode = account.SurgeonCode,
            Version = account.Version,
        };
        Options = await UserFormOptions.LoadAsync(db, authentication.Value, ct);
    }
}
