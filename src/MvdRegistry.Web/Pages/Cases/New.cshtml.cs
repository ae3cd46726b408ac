using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

[Authorize(Policy = Policies.Surgeon)]
public sealed class NewModel(NewCaseHandler handler, RecordEntry entry, EntryChoices choices, RegistryUser user) : PageModel
{
    public string PatientChoice { get; private set; } = NewCaseHandler.New;

    public Patient? ExistingPatient { get; private set; }

    public EntryForm Patient { get; private set; } = null!;

    public EntryForm Case { get; private set; } = null!;

    public EntryState State { get; private set; } = new();

    public IReadOnlyList<Choice> Sites { get; private set; } = [];

    public CaseCards Cards => new(Case, ["case_id"]);

    public FieldView PatientKey => Patient.Field("patient_id");

    public EntryFooter Footer => new(State, "/Cases");

    /// <summary>The patient's fields below the key: asked only for a new patient.</summary>
    public IEnumerable<FieldView> NewPatientFields => Patient.Fields(DataDictionary.Instance.Form(Forms.Patient).Where(v => v.Name != "patient_id"));

    /// <param name="patientId">Set when coming from a patient's operation: a further operation for them.</param>
    public async Task<IActionResult> OnGetAsync(string? patientId, CancellationToken ct)
    {
        Sites = await choices.SitesAsync(ct);
        PatientChoice = string.IsNullOrWhiteSpace(patientId) ? NewCaseHandler.New : NewCaseHandler.Existing;
        Patient = entry.Form(Forms.Patient, new Dictionary<string, string?>
        {
            ["patient_id"] = patientId,
            ["site_code"] = Sites.Count == 1 ? Sites[0].Code : null,
        });
        Case = entry.Form(Forms.Case, new Dictionary<string, string?> { ["surgeon_code"] = user.SurgeonCode });
        return await ShownAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.SaveAsync(Request.Form, ct);
        if (result.SavedCaseId is { } caseId)
        {
            TempData[SavedMessage.Key] = SavedMessage.Of(Forms.Case, caseId);
            return Redirect("/Cases/" + Uri.EscapeDataString(caseId));
        }
        (PatientChoice, ExistingPatient, Patient, Case, State) = (result.PatientChoice, result.ExistingPatient, result.Patient, result.Case, result.State);
        Sites = await choices.SitesAsync(ct);
        return await ShownAsync(ct);
    }

    private async Task<PageResult> ShownAsync(CancellationToken ct)
    {
        Patient.Options["patient_id"] = new FieldOptions
        {
            Generated = true,
            Help = "An existing patient: their key. A new patient: leave empty for a generated key, or type one.",
        };
        Patient.Options["site_code"] = new FieldOptions { Choices = Sites };
        Case.Options["case_id"] = new FieldOptions { Generated = true, Help = "Leave empty for a generated key, or type one." };
        Case.Options["surgeon_code"] = new FieldOptions { Suggestions = await choices.SurgeonCodesAsync(ct) };
        Case.Options["discharge_date"] = new FieldOptions
        {
            After = PostOpDay.Describe(PostOpDay.Parse(Case.Value("surgery_date")), Case.Value("discharge_date")),
            SurgeryField = "surgery_date",
        };
        return Page();
    }
}
