using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Patients;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

[Authorize(Policy = Policies.Surgeon)]
public sealed class NewModel(NewCaseHandler handler, RecordEntry entry, EntryChoices choices, RegistryUser user, RegistryDbContext db) : PageModel
{
    public string PatientChoice { get; private set; } = NewCaseHandler.New;

    /// <summary>The existing patient the operation is for, shown before it is attached; null until one is chosen.</summary>
    public PatientSummary? Chosen { get; private set; }

    /// <summary>What was typed into the patient search.</summary>
    public string? Find { get; private set; }

    /// <summary>What the search found (several matches, or why none), when nothing was chosen by it.</summary>
    public PatientSearchResult? Found { get; private set; }

    /// <summary>Said when <c>?patientId=</c> names no patient of the user's sites.</summary>
    public string? Unknown { get; private set; }

    public EntryForm Patient { get; private set; } = null!;

    public EntryForm Case { get; private set; } = null!;

    public EntryState State { get; private set; } = new();

    public IReadOnlyList<Choice> Sites { get; private set; } = [];

    public CaseCards Cards => new(Case, ["case_id"]);

    public FieldView PatientKey => Patient.Field("patient_id");

    public EntryFooter Footer => new(State, "/Cases");

    /// <summary>The patient's fields below the key: asked only for a new patient.</summary>
    public IEnumerable<FieldView> NewPatientFields => Patient.Fields(DataDictionary.Instance.Form(Forms.Patient).Where(v => v.Name != "patient_id"));

    /// <param name="patientId">Set when coming from a patient's operation or a search: a further operation for them.</param>
    /// <param name="find">An MRN or key, whole or in part, to find a returning patient by (<see cref="PatientSearch"/>).</param>
    public async Task<IActionResult> OnGetAsync(string? patientId, string? find, CancellationToken ct)
    {
        Sites = await choices.SitesAsync(ct);
        Find = find;
        if (!string.IsNullOrWhiteSpace(patientId))
        {
            Chosen = await PatientSearch.SummaryAsync(db, user, patientId, ct);
            if (Chosen is null) Unknown = $"There is no patient {patientId.Trim()} in your sites. Find the patient by MRN or key.";
        }
        else if (find is not null)
        {
            Found = await PatientSearch.FindAsync(db, user, find, ct);
            Chosen = Found.Exact;
        }
        PatientChoice = Chosen is not null || Unknown is not null || find is not null ? NewCaseHandler.Existing : NewCaseHandler.New;
        Patient = entry.Form(Forms.Patient, new Dictionary<string, string?>
        {
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
        (PatientChoice, Patient, Case, State) = (result.PatientChoice, result.Patient, result.Case, result.State);
        if (result.ExistingPatient is { } existing) Chosen = await PatientSearch.SummaryAsync(db, user, existing.PatientId, ct);
        Sites = await choices.SitesAsync(ct);
        return await ShownAsync(ct);
    }

    private async Task<PageResult> ShownAsync(CancellationToken ct)
    {
        Patient.Options["patient_id"] = new FieldOptions
        {
            Generated = true,
            Help = "Leave empty for a generated key, or type one.",
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
