using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.FollowUps;

[Authorize(Policy = Policies.Surgeon)]
public sealed class EditModel(RegistryDbContext db, RegistryUser user, RecordEntry entry, DeleteEntry deletion) : ChildEntryPage(db, user, entry)
{
    protected override string FormName => Forms.FollowUp;

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => EditGetAsync(id, ct);

    public Task<IActionResult> OnPostAsync(string id, CancellationToken ct) => EditPostAsync(id, ct);

    public Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct) => DeletePostAsync(id, deletion, ct);
}
