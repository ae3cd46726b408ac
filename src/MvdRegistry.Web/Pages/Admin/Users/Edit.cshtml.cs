using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(RegistryDbContext db, RegistryUser administrator, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public UserFormOptions Options { get; private set; } = null!;

    public UserFormModel Form => new(Input, Options, UserName, UserName == administrator.Name);

    public async Task<IActionResult> OnGetAsync(string userName, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null) return NotFound();
        UserName = account.UserName;
        Input = new UserInput
        {
            DisplayName = account.DisplayName,
            Roles = account.RoleList.ToList(),
            Sites = account.Sites.Select(s => s.SiteCode).ToList(),
            SurgeonCode = account.SurgeonCode,
        };
        Options = await UserFormOptions.LoadAsync(db, configuration, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken ct)
    {
        var account = await db.Users.Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (account is null) return NotFound();
        UserName = account.UserName;
        var administration = new UserAdministration(db, administrator, clock);
        foreach (var (field, message) in await administration.ProblemsAsync(UserName, Input, ct))
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid)
        {
            Options = await UserFormOptions.LoadAsync(db, configuration, ct);
            return Page();
        }
        await administration.SaveAsync(account, Input, isNew: false, ct);
        TempData["Saved"] = $"Saved {UserName}: the change holds from their next request.";
        return RedirectToPage("/Admin/Users/Index");
    }
}
