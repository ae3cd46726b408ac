namespace MvdRegistry.Core.Dictionary;

/// <summary>The dictionary's forms and the bundle file that holds each.</summary>
public static class Forms
{
    public const string Patient = "patient";
    public const string Case = "case";
    public const string Imaging = "imaging";
    public const string FollowUp = "followup";
    public const string Complication = "complication";

    /// <summary>In parent-before-child order.</summary>
    public static readonly IReadOnlyList<string> All = [Patient, Case, Imaging, FollowUp, Complication];

    public static string FileName(string form) => form switch
    {
        Patient => "patients.csv",
        Case => "cases.csv",
        Imaging => "imaging.csv",
        FollowUp => "followups.csv",
        Complication => "complications.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
    };

    /// <summary>The key column of a form's rows.</summary>
    public static string KeyColumn(string form) => form switch
    {
        Patient => "patient_id",
        Case => "case_id",
        Imaging => "imaging_id",
        FollowUp => "followup_id",
        Complication => "complication_id",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
    };

    /// <summary>The column pointing at the parent row, null for patients.</summary>
    public static string? ParentColumn(string form) => form switch
    {
        Patient => null,
        Case => "patient_id",
        _ => "case_id",
    };

    public static string? ParentForm(string form) => form switch
    {
        Patient => null,
        Case => Patient,
        _ => Case,
    };
}
