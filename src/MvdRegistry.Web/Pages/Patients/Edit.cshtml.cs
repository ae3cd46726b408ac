using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Patients;

[Authorize(Policy = Policies.Surgeon)]
public sealed class EditModel(RegistryDbContext db, RegistryUser user, RecordEntry entry, EntryChoices choices, DeleteEntry deletion) : PageModel
{
    public Patient Patient { get; private set; } = null!;

    public string PatientId { get; private set; } = "";

    public EntryForm Entry { get; private set; } = null!;

    public EntryState State { get; private set; } = new();

    public DeleteCard Delete { get; private set; } = null!;

    /// <summary>The operation the user came from, and goes back to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? CaseId { get; set; }

    public IEnumerable<FieldView> Fields => Entry.Fields(DataDictionary.Instance.Form(Forms.Patient));

    public string BackUrl => CaseId is not null && Patient.Operations.Any(o => o.CaseId == CaseId)
        ? "/Cases/" + Uri.EscapeDataString(CaseId)
        : Patient.Operations.Count > 0 ? "/Cases/" + Uri.EscapeDataString(Patient.Operations.OrderBy(o => o.SurgeryDate).First().CaseId) : "/Cases";

    public EntryFooter Footer => new(State, BackUrl);

    public async Task<IActionResult> OnGetAsync(string patientId, CancellationToken ct)
    {
        if (await LoadAsync(patientId, ct) is { } refused) return refused;
        (_, Entry, State) = entry.Open(Patient);
        Delete = await deletion.CardAsync(Patient, ct);
        return await ShownAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string patientId, CancellationToken ct)
    {
        if (await LoadAsync(patientId, ct) is { } refused) return refused;
        var result = await entry.UpdateAsync(new EntryRequest
        {
            Record = Patient,
            Posted = FormPost.Read(Request.Form, Forms.Patient),
            Input = EntryInput.From(Request.Form),
            Fixed = new Dictionary<string, string> { ["patient_id"] = Patient.PatientId },
        }, ct);
        if (result.Saved)
        {
            TempData[SavedMessage.Key] = SavedMessage.Of(Patient);
            return Redirect(BackUrl);
        }
        (Entry, State) = (result.Form, result.State);
        Delete = await deletion.CardAsync(Patient, ct);
        return await ShownAsync(ct);
    }

    /// <summary>A patient without operations (a reason and the confirmation required); then the list of operations.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string patientId, CancellationToken ct)
    {
        if (await LoadAsync(patientId, ct) is { } refused) return refused;
        var result = await deletion.DeleteAsync(Patient, Request.Form, ct);
        if (result.Deleted || result.Record is null) return Redirect("/Cases");
        (_, Entry, State) = entry.Open(result.Record);
        Delete = result.Card;
        return await ShownAsync(ct);
    }

    private async Task<IActionResult?> LoadAsync(string patientId, CancellationToken ct)
    {
        var patient = await db.Patients.Readable(user).Include(p => p.Operations).SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (patient is null) return NotFound();
        (Patient, PatientId) = (patient, patient.PatientId);
        return user.MayEditSite(patient.SiteCode) ? null : Forbid();
    }

    private async Task<PageResult> ShownAsync(CancellationToken ct)
    {
        Entry.Options["patient_id"] = new FieldOptions { ReadOnly = true, Help = "" };
        Entry.Options["site_code"] = new FieldOptions { Choices = await choices.SitesAsync(ct) };
        return Page();
    }
}
