using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

public sealed record OtherOperation(string CaseId, DateOnly? SurgeryDate, string? Side);

/// <summary>The whole operation at a glance, with its history. Identified data: surgeons and administrators of the site.</summary>
[Authorize(Roles = Roles.Surgeon + "," + Roles.Administrator)]
public sealed class DetailsModel(RegistryDbContext db, RegistryUser user) : PageModel
{
    public Operation Operation { get; private set; } = null!;

    public Patient Patient => Operation.Patient!;

    public OperationOutcome Outcome { get; private set; } = null!;

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    /// <summary>The patient's other operations the user may read: what the page links them by.</summary>
    public IReadOnlyList<OtherOperation> OtherOperations { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public string CaseKey => Uri.EscapeDataString(Operation.CaseId);

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken ct)
    {
        if (await OperationGraph.LoadAsync(db, user, caseId, tracked: false, ct) is not { } operation) return NotFound();
        Operation = operation;
        Outcome = OutcomeDerivation.Derive(operation);
        MayEdit = user.MayEditSite(Patient.SiteCode);
        OtherOperations = await db.Operations.Readable(user).AsNoTracking()
            .Where(o => o.PatientId == operation.PatientId && o.CaseId != operation.CaseId)
            .OrderBy(o => o.SurgeryDate).Select(o => new OtherOperation(o.CaseId, o.SurgeryDate, o.Side)).ToListAsync(ct);
        History = await CaseHistory.LoadAsync(db, operation, ct);
        return Page();
    }

    /// <summary>The recorded values of some variables of a record, as label and text.</summary>
    public static IEnumerable<(Variable Variable, string Value)> Facts(RegistryRecord record, IEnumerable<Variable> variables)
    {
        var values = Columns.Of(record);
        return variables.Select(v => (v, Display.Of(v, values))).Where(f => f.Item2.Length > 0);
    }

    public static string Label(string form, string variable, string? code) => Display.Label(DataDictionary.Instance.Get(form, variable), code);

    public string? Day(DateOnly? date) => PostOpDay.Describe(Operation.SurgeryDate, date);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";

    /// <summary>HFS: the spasm status; TN and GPN: the BNI pain score.</summary>
    public string Status(FollowUp visit) => StatusLabel(Operation.Indication == Codes.Hfs ? visit.HfsStatus : visit.BniPain);

    public string StatusLabel(string? code) => Label(Forms.FollowUp, Operation.Indication == Codes.Hfs ? "hfs_status" : "bni_pain", code);

    public string? NextVisit => Operation.SurgeryDate is { } surgery && !Outcome.HasDeath && FollowUpSchedule.NextTarget(Outcome.LastFuDay) is { } target
        ? $"next: the {VisitLabels.Of(target)}, due around {surgery.AddDays(target):yyyy-MM-dd} (day {target})"
        : null;
}
