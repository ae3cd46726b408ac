using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The <c>analysis</c> sheet: one row per operation with every derived variable of OUTCOMES.md (the
/// table "Derived variables, one per operation" and the complication summaries), computed by
/// <see cref="OutcomeDerivation"/>, the same code as the registry's statistics.
/// </summary>
public static class AnalysisColumns
{
    public const string Sheet = "analysis";

    private static readonly Choice[] YesNo01 = [new("1", "Yes"), new("0", "No")];

    public static readonly IReadOnlyList<Choice> GrClasses =
        [new("I", "I"), new("II", "II"), new("III", "III"), new("IV", "IV"), new("V", "V")];

    public static readonly ExportColumn AgeAtSurgery = new("age_at_surgery", "Age at surgery", ColumnTypes.Integer, [], "years",
        "OUTCOMES.md, derived variables: age_at_surgery, whole years from birth_date to surgery_date; 90 and over shown as 90 (HIPAA Safe Harbor)",
        "birth date or surgery date not recorded");

    public static int? CappedAge(DateOnly? birth, DateOnly? surgery) =>
        Age.AtSurgery(birth, surgery) is { } age ? Age.CapForExport(age) : null;

    private static ExportColumn Derived(string name, string label, string type, string definition, string empty, IReadOnlyList<Choice>? codes = null, string unit = "") =>
        new(name, label, type, codes ?? (type == ColumnTypes.Binary ? YesNo01 : []), unit, "OUTCOMES.md: " + definition, empty);

    private static readonly (ExportColumn Column, Func<OperationOutcome, AnalysisKeys, object?> Value)[] Definitions = Build();

    public static IReadOnlyList<ExportColumn> Columns { get; } = Definitions.Select(d => d.Column).ToArray();

    public static object?[] Row(OperationOutcome outcome, AnalysisKeys keys)
    {
        var row = new object?[Definitions.Length];
        for (var i = 0; i < row.Length; i++) row[i] = Definitions[i].Value(outcome, keys);
        return row;
    }

    private static object? Bit(bool? value) => value is { } b ? (b ? 1 : 0) : null;

    private static (ExportColumn, Func<OperationOutcome, AnalysisKeys, object?>)[] Build()
    {
        var d = DataDictionary.Instance;
        var caseForm = DeidentifiedForm.Of(Forms.Case, d);
        var patientForm = DeidentifiedForm.Of(Forms.Patient, d);
        ExportColumn Copy(DeidentifiedForm form, string name) => form.Columns.Single(c => c.Name == name);
        var status1yCodes = d.Get(Forms.FollowUp, "hfs_status").Choices.Concat(d.Get(Forms.Case, "bni_pain_preop").Choices).ToArray();
        const string hfs = "HFS operations; empty for other indications";
        return
        [
            (Copy(caseForm, "case_id"), (_, k) => k.Case),
            (Copy(caseForm, "patient_id"), (_, k) => k.Patient),
            (Copy(patientForm, "site_code"), (o, _) => o.Patient?.SiteCode),
            (Copy(caseForm, "indication"), (o, _) => o.Indication),
            (Copy(caseForm, "surgeon_code"), (o, k) => o.Operation.SurgeonCode is { Length: > 0 } s ? k.Pseudonyms.Of("surgeon_code", s) : null),
            (Copy(caseForm, "surgery_year"), (o, _) => o.Operation.SurgeryDate?.Year),
            (AgeAtSurgery, (o, _) => CappedAge(o.Patient?.BirthDate, o.Operation.SurgeryDate)),
            (Derived("los_days", "Length of stay", ColumnTypes.Integer, "los_days = day(discharge_date)", "no discharge date", unit: "days"), (o, _) => o.LosDays),
            (Derived("last_fu_day", "Day of the last follow-up", ColumnTypes.Integer, "last_fu_day, the largest day(visit_date) of the operation's follow-ups", "no follow-up", unit: "days"), (o, _) => o.LastFuDay),
            (Derived("gr_class_preop", "Gardner-Robertson hearing class before surgery", ColumnTypes.Code, "gr_class from pta_db_preop and sds_pct_preop", "either value not recorded", GrClasses), (o, _) => o.GrClassPreop),
            (Derived("immediate_resolution", "HFS resolved at the first visit within 7 days", ColumnTypes.Binary, "immediate_resolution", "no follow-up by day 7; " + hfs), (o, _) => Bit(o.ImmediateResolution)),
            (Derived("first_resolution_day", "First day HFS was resolved", ColumnTypes.Integer, "first_resolution_day", "never resolved; " + hfs, unit: "days"), (o, _) => o.FirstResolutionDay),
            (Derived("delayed_resolution", "HFS resolved later, after not at first", ColumnTypes.Binary, "delayed_resolution", "immediate_resolution is not 0; " + hfs), (o, _) => Bit(o.DelayedResolution)),
            (Derived("status_1y", "Status at one year (HFS: spasm status; TN/GPN: BNI pain score)", ColumnTypes.Code, "status_1y, the visit with 270 <= day <= 540 closest to 365 (a tie goes to the later visit)", "no visit in the one-year window (not yet at one year, or lost to follow-up)", status1yCodes), (o, _) => o.Status1y),
            (Derived("complete_1y", "HFS completely resolved at one year", ColumnTypes.Binary, "complete_1y", "status_1y empty; " + hfs), (o, _) => Bit(o.Complete1y)),
            (Derived("success_1y", "Success at one year (primary benefit endpoint)", ColumnTypes.Binary, "success_1y: HFS resolved or near-complete; TN/GPN BNI I to IIIb", "status_1y empty (not yet at one year, or lost to follow-up)"), (o, _) => Bit(o.Success1y)),
            (Derived("recurrence", "HFS recurred after resolution", ColumnTypes.Binary, "recurrence", "never resolved; " + hfs), (o, _) => Bit(o.Recurrence)),
            (Derived("recurrence_day", "Day of the recurrence", ColumnTypes.Integer, "recurrence_day", "no recurrence", unit: "days"), (o, _) => o.RecurrenceDay),
            (Derived("lsr_disappeared", "Lateral spread response disappeared", ColumnTypes.Binary, "lsr_disappeared: lsr_intraop disappeared 1, persisted 0", "lsr_intraop neither disappeared nor persisted"), (o, _) => Bit(o.LsrDisappeared)),
            (Derived("vessel_va", "Vertebral artery among the offending vessels", ColumnTypes.Binary, "vessel_va", "vessel_op not recorded"), (o, _) => Bit(o.VesselVa)),
            (Derived("imaging_concordant", "Imaging showed the main offending vessel", ColumnTypes.Binary, "imaging_concordant", "no imaging study with nvc_detected = yes"), (o, _) => Bit(o.ImagingConcordant)),
            (Derived("any_complication", "Any complication", ColumnTypes.Binary, "Complications, n_any: at least one complication row", "never empty"), (o, _) => o.Complications.Count > 0 ? 1 : 0),
            (Derived("any_permanent", "Any permanent complication", ColumnTypes.Binary, "Complications, n_permanent: at least one permanent complication", "never empty"), (o, _) => o.AnyPermanent ? 1 : 0),
            (Derived("major", "Major complication (Clavien-Dindo IIIa or worse)", ColumnTypes.Binary, "Complications, major", "never empty"), (o, _) => o.Major ? 1 : 0),
            (Derived("death_30d", "Death within 30 days", ColumnTypes.Binary, "Complications, death_30d: a death with day(onset_date) <= 30", "never empty"), (o, _) => o.Death30d ? 1 : 0),
        ];
    }
}

/// <summary>
/// An analysis row's pseudonyms: its operation's and its patient's, as the operations sheet gave them (<see cref="AnalysisSpill"/>
/// keeps them, so they are not computed a second time), and the export's <see cref="Deidentified.Pseudonyms"/> for its surgeon code.
/// </summary>
public readonly record struct AnalysisKeys(string Case, string Patient, Pseudonyms Pseudonyms)
{
    /// <summary>The operation's pseudonyms, computed.</summary>
    public static AnalysisKeys Of(Operation operation, Pseudonyms pseudonyms) =>
        new(pseudonyms.Of(Forms.Case, operation.CaseId), pseudonyms.Of(Forms.Patient, operation.PatientId), pseudonyms);
}
