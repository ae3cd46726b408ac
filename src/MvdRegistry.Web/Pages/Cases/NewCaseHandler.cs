using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

public sealed record NewCaseResult(string? SavedCaseId, string PatientChoice, Patient? ExistingPatient, EntryForm Patient, EntryForm Case, EntryState State);

/// <summary>
/// A new operation, for an existing patient of a site the user enters for or for a new patient typed
/// on the same page: both records are read and validated together (the operation's rules read the
/// patient's birth date) and saved in one SaveChanges, or neither is.
/// </summary>
public sealed class NewCaseHandler(RegistryDbContext db, RegistryUser user, RecordEntry entry, KeyGenerator keys, EntryChoices choices)
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

        var (patient, patientIssues) = choice == Existing
            ? await ExistingPatientAsync(patientPosted, ct)
            : await NewPatientAsync(patientPosted, ct);
        var (operation, caseIssues) = await OperationAsync(casePosted, patient, ct);

        NewCaseResult Result(string? saved) => new(saved, choice, choice == Existing ? patient : null,
            entry.Form(Forms.Patient, patientPosted, patientIssues), entry.Form(Forms.Case, casePosted, caseIssues), state);

        if (patient is null || !EntryChecks.MaySave([.. patientIssues, .. caseIssues], state, input)) return Result(null);

        if (choice == New) db.Patients.Add(patient);
        db.Operations.Add(operation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            var taken = await keys.ExistsAsync(Forms.Case, operation.CaseId, ct)
                || (choice == New && await keys.ExistsAsync(Forms.Patient, patient.PatientId, ct));
            if (!taken) throw;
            state.Errors.Add("A key was taken by another entry a moment ago: nothing was saved. Save again to use new keys.");
            return Result(null);
        }
        return Result(operation.CaseId);
    }

    private async Task<(Patient?, List<FieldIssue>)> ExistingPatientAsync(IReadOnlyDictionary<string, string?> posted, CancellationToken ct)
    {
        var id = posted.GetValueOrDefault("patient_id")?.Trim() ?? "";
        if (id.Length == 0)
            return (null, [new FieldIssue("patient_id", "type the key of an existing patient, or choose a new patient")]);
        var patient = await db.Patients.Readable(user).SingleOrDefaultAsync(p => p.PatientId == id, ct);
        if (patient is null)
            return (null, [new FieldIssue("patient_id", $"there is no patient {id} in your sites")]);
        if (!user.MayEditSite(patient.SiteCode))
            return (null, [new FieldIssue("patient_id", $"you may not add operations at site {patient.SiteCode}")]);
        return (patient, []);
    }

    private async Task<(Patient?, List<FieldIssue>)> NewPatientAsync(IReadOnlyDictionary<string, string?> posted, CancellationToken ct)
    {
        var patient = new Patient();
        var typed = posted.GetValueOrDefault("patient_id")?.Trim() ?? "";
        var values = Columns.With(posted, new Dictionary<string, string> { ["patient_id"] = typed.Length > 0 ? typed : await keys.NextAsync(Forms.Patient, ct) });
        var issues = EntryChecks.Merge(RecordCodec.Read(Forms.Patient, values, patient, entry.Today), RecordValidator.Validate(patient));
        issues.AddRange(choices.CheckSite(patient.SiteCode));
        if (typed.Length > 0 && await keys.ExistsAsync(Forms.Patient, typed, ct))
            issues.Add(RecordEntry.KeyTaken("patient_id", typed));
        return (patient, issues);
    }

    private async Task<(Operation, List<FieldIssue>)> OperationAsync(IReadOnlyDictionary<string, string?> posted, Patient? patient, CancellationToken ct)
    {
        var operation = new Operation { Patient = patient };
        var typed = posted.GetValueOrDefault("case_id")?.Trim() ?? "";
        var values = Columns.With(posted, new Dictionary<string, string>
        {
            ["case_id"] = typed.Length > 0 ? typed : await keys.NextAsync(Forms.Case, ct),
            ["patient_id"] = patient?.PatientId ?? "",
        });
        var issues = EntryChecks.Merge(RecordCodec.Read(Forms.Case, values, operation, entry.Today), RecordValidator.Validate(operation))
            // Without a patient the patient card says why; "patient_id is required" would only repeat it.
            .Where(i => patient is not null || i.Column != "patient_id")
            .ToList();
        issues.AddRange(await choices.CheckSurgeonAsync(operation.SurgeonCode, ct: ct));
        if (typed.Length > 0 && await keys.ExistsAsync(Forms.Case, typed, ct))
            issues.Add(RecordEntry.KeyTaken("case_id", typed));
        return (operation, issues);
    }
}
