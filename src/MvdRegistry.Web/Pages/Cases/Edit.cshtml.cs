using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

[Authorize(Policy = Policies.Surgeon)]
public sealed class EditModel(RegistryDbContext db, RegistryUser user, RecordEntry entry, EntryChoices choices, DeleteEntry deletion) : PageModel
{
    public Operation Operation { get; private set; } = null!;

    public string PatientId { get; private set; } = "";

    public string? SiteCode { get; private set; }

    public EntryForm Entry { get; private set; } = null!;

    public EntryState State { get; private set; } = new();

    public DeleteCard Delete { get; private set; } = null!;

    public CaseCards Cards => new(Entry, ["case_id", "patient_id"]);

    public string CaseUrl => "/Cases/" + Uri.EscapeDataString(Operation.CaseId);

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, ct) is { } refused) return refused;
        (_, Entry, State) = entry.Open(Operation);
        Delete = await deletion.CardAsync(Operation, ct);
        return await ShownAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string caseId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, ct) is { } refused) return refused;
        var result = await entry.UpdateAsync(new EntryRequest
        {
            Record = Operation,
            Posted = FormPost.Read(Request.Form, Forms.Case),
            Input = EntryInput.From(Request.Form),
            Fixed = new Dictionary<string, string> { ["case_id"] = Operation.CaseId, ["patient_id"] = Operation.PatientId },
        }, ct);
        if (result.Saved)
        {
            TempData[SavedMessage.Key] = SavedMessage.Of(Operation);
            return Redirect(CaseUrl);
        }
        (Entry, State) = (result.Form, result.State);
        Delete = await deletion.CardAsync(Operation, ct);
        return await ShownAsync(ct);
    }

    /// <summary>An operation with nothing recorded beneath it (a reason and the confirmation required); then its patient's page, where a patient left without operations can be deleted too.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string caseId, CancellationToken ct)
    {
        if (await LoadAsync(caseId, ct) is { } refused) return refused;
        var result = await deletion.DeleteAsync(Operation, Request.Form, ct);
        var patientUrl = "/Patients/" + Uri.EscapeDataString(PatientId) + "/Edit";
        if (result.Deleted)
        {
            TempData["Saved"] = $"Deleted {result.Card.Title}: its values and your reason are kept in the audit trail.";
            return Redirect(patientUrl);
        }
        if (result.Record is null) return Redirect(patientUrl);
        (_, Entry, State) = entry.Open(result.Record);
        Delete = result.Card;
        return await ShownAsync(ct);
    }

    private async Task<IActionResult?> LoadAsync(string caseId, CancellationToken ct)
    {
        if (await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct) is not { } operation) return NotFound();
        (Operation, PatientId, SiteCode) = (operation, operation.PatientId, operation.Patient!.SiteCode);
        return user.MayEditSite(SiteCode) ? null : Forbid();
    }

    private async Task<PageResult> ShownAsync(CancellationToken ct)
    {
        Entry.Options["case_id"] = new FieldOptions { ReadOnly = true, Help = "" };
        Entry.Options["patient_id"] = new FieldOptions { ReadOnly = true, Help = "" };
        Entry.Options["surgeon_code"] = new FieldOptions { Suggestions = await choices.SurgeonCodesAsync(ct) };
        Entry.Options["discharge_date"] = new FieldOptions
        {
            After = PostOpDay.Describe(PostOpDay.Parse(Entry.Value("surgery_date")), Entry.Value("discharge_date")),
            SurgeryField = "surgery_date",
        };
        return Page();
    }
}
