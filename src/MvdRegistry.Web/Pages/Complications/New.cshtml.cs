using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Complications;

[Authorize(Policy = Policies.Surgeon)]
public sealed class NewModel(RegistryDbContext db, RegistryUser user, RecordEntry entry) : ChildEntryPage(db, user, entry)
{
    protected override string FormName => Forms.Complication;

    public Task<IActionResult> OnGetAsync(string caseId, CancellationToken ct) => NewGetAsync(caseId, ct);

    public Task<IActionResult> OnPostAsync(string caseId, CancellationToken ct) => NewPostAsync(caseId, ct);
}
