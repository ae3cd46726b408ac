using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    public List<UserAccount> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Users = await db.Users.AsNoTracking().Include(u => u.Sites).OrderBy(u => u.UserName).ToListAsync(ct);
}
