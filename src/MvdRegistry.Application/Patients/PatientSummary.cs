namespace MvdRegistry.Application.Patients;

/// <summary>
/// Who a patient is, as a clinician checks it before attaching an operation: key, site, MRN, birth
/// date, sex, consent and the operations already recorded (date, indication, side).
/// </summary>
public sealed record PatientSummary(
    string PatientId,
    string? SiteCode,
    string? Mrn,
    DateOnly? BirthDate,
    string? Sex,
    string? ConsentStatus,
    IReadOnlyList<PreviousOperation> Operations);

/// <summary>An operation already recorded for the patient.</summary>
public sealed record PreviousOperation(string CaseId, DateOnly? SurgeryDate, string? Indication, string? Side);
