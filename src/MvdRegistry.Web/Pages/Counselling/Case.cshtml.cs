using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Counselling;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;
using MvdRegistry.Web.Pages.Statistics;

namespace MvdRegistry.Web.Pages.Counselling;

/// <summary>
/// The counselling view for the patient of one operation, reached from its case page: the profile is
/// prefilled from the operation's pre-operative record and imaging, and can be changed on the form.
/// Another site's operation is not found, as its case page is not.
/// </summary>
[Authorize(Policy = Policies.Counselling)]
public sealed class CaseModel(RegistryDbContext db, RegistryUser user, FingerprintCache fingerprints, SnapshotValuesCache snapshots) : PageModel
{
    public CounsellingPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string caseId, [FromQuery] CounsellingInput input, CancellationToken ct = default)
    {
        if (await OperationGraph.LoadAsync(db, user, caseId, tracked: false, ct) is not { } operation) return NotFound();
        IReadOnlyList<string> sources = [];
        if (input.IsEmpty) (input, sources) = CounsellingInput.FromOperation(operation);
        View = await CounsellingPage.BuildAsync(db, fingerprints, snapshots, input, $"/Cases/{Uri.EscapeDataString(operation.CaseId)}/Counselling", operation, sources, ct);
        return Page();
    }
}
