using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

public sealed record NewCaseResult(string? SavedCaseId, string PatientChoice, Patient? ExistingPatient, EntryForm Patient, EntryForm Case, EntryState State);

/// <summary>
/// The new-operation page's adapter: an operation for an existing patient of a site the user enters
/// for, or for a new patient typed on the same page. The save handler reads and checks both records
/// together (the operation's rules read the patient's birth date) and saves them in one SaveChanges,
/// or neither.
/// </summary>
public sealed class NewCaseHandler(RegistryDbContext db, RegistryUser user, RecordEntry entry, SaveHandler handler)
{
    public const string ChoiceField = "patient_choice";
    public const string Existing = "existing";
    public const string New = "new";

    public async Task<NewCaseResult> SaveAsync(IFormCollection form, CancellationToken ct)
    {
        var choice = FormPost.Value(form, ChoiceField) == Existing ? Existing : New;
        var input = EntryInput.From(form);
        var patientPosted = FormPost.Read(form, Forms.Patient);
        var casePosted = FormPost.Read(form, Forms.Case);
        var state = new EntryState();

        var (patient, patientIssues) = choice == Existing ? await ExistingPatientAsync(patientPosted, ct) : (new Patient(), []);
        var operation = new Operation { Patient = patient };
        var command = RecordEntry.Command(new EntryRequest { Record = operation, Posted = casePosted, Input = input }) with
        {
            IsNew = true,
            GenerateKey = true,
            // Without a patient the patient card says why, and nothing is saved.
            InputIssues = patient is null ? [new FieldIssue("patient_id", "choose a patient")] : [],
            With = choice == New
                ? new SaveCommand { Record = patient!, Columns = patientPosted, IsNew = true, GenerateKey = true }
                : null,
        };
        var outcome = await handler.SaveAsync(command, ct);

        List<FieldIssue> caseIssues = [];
        switch (outcome)
        {
            case SaveOutcome.Saved:
                return Result(operation.CaseId);
            case SaveOutcome.Invalid invalid:
                caseIssues = RecordEntry.Refused(invalid, Forms.Case, state, input)
                    // The patient card says what is wrong with the patient; "patient_id is required" would only repeat it.
                    .Where(i => patient is not null || i.Column != "patient_id").ToList();
                patientIssues.AddRange(invalid.Of(Forms.Patient));
                break;
            case SaveOutcome.KeyTaken taken:
                (taken.Form == Forms.Patient ? patientIssues : caseIssues).Add(RecordEntry.KeyTaken(taken));
                break;
        }
        return Result(null);

        NewCaseResult Result(string? saved) => new(saved, choice, choice == Existing ? patient : null,
            entry.Form(Forms.Patient, patientPosted, patientIssues), entry.Form(Forms.Case, casePosted, caseIssues), state);
    }

    private async Task<(Patient?, List<FieldIssue>)> ExistingPatientAsync(IReadOnlyDictionary<string, string?> posted, CancellationToken ct)
    {
        var id = posted.GetValueOrDefault("patient_id")?.Trim() ?? "";
        if (id.Length == 0)
            return (null, [new FieldIssue("patient_id", "find the patient by MRN or key, or choose a new patient")]);
        var patient = await db.Patients.Readable(user).SingleOrDefaultAsync(p => p.PatientId == id, ct);
        if (patient is null)
            return (null, [new FieldIssue("patient_id", $"there is no patient {id} in your sites")]);
        if (!user.MayEditSite(patient.SiteCode))
            return (null, [new FieldIssue("patient_id", $"you may not add operations at site {patient.SiteCode}")]);
        return (patient, []);
    }
}
