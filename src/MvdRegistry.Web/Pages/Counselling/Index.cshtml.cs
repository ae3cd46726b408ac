using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Counselling;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Pages.Statistics;

namespace MvdRegistry.Web.Pages.Counselling;

/// <summary>
/// The counselling view on its own: the surgeon types a patient's pre-operative profile and reads the
/// predicted benefit and the risk of similar patients from the latest statistics snapshot. Nothing is
/// written; the profile travels in the query string (no identifier is asked for).
/// </summary>
[Authorize(Policy = Policies.Counselling)]
public sealed class IndexModel(RegistryDbContext db, FingerprintCache fingerprints, SnapshotValuesCache snapshots) : PageModel
{
    public CounsellingPage View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] CounsellingInput input, CancellationToken ct = default) =>
        View = await CounsellingPage.BuildAsync(db, fingerprints, snapshots, input, "/Counselling", null, [], ct);
}
