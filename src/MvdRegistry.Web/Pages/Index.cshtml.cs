using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Pages;

public sealed class IndexModel(RegistryDbContext db) : PageModel
{
    public List<(string Label, int Count)> Counts { get; } = [];

    public async Task OnGetAsync()
    {
        Counts.Add(("Sites", await db.Sites.CountAsync()));
        Counts.Add(("Patients", await db.Patients.CountAsync()));
        Counts.Add(("Operations", await db.Operations.CountAsync()));
        Counts.Add(("Follow-up visits", await db.FollowUps.CountAsync()));
        Counts.Add(("Complications", await db.Complications.CountAsync()));
    }
}
