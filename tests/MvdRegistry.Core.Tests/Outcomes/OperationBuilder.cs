using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Tests.Outcomes;

/// <summary>Builds one linked operation for a test; days are counted from <see cref="Surgery"/>.</summary>
public sealed class OperationBuilder
{
    public static readonly DateOnly Surgery = new(2020, 6, 15);

    private readonly Patient _patient = new() { PatientId = "P1", SiteCode = "HOU", Sex = "F", BirthDate = new DateOnly(1970, 1, 1), ConsentStatus = "consented" };
    private readonly Operation _operation;

    private OperationBuilder(string indication)
    {
        _operation = new Operation { CaseId = "C1", PatientId = "P1", Indication = indication, SurgeryDate = Surgery, SurgeonCode = "HOU-S1", Patient = _patient };
        _patient.Operations.Add(_operation);
    }

    public static OperationBuilder Hfs() => new(Codes.Hfs);

    public static OperationBuilder Tn() => new(Codes.Tn);

    public OperationBuilder With(Action<Operation> change)
    {
        change(_operation);
        return this;
    }

    public OperationBuilder Born(DateOnly birthDate)
    {
        _patient.BirthDate = birthDate;
        return this;
    }

    public OperationBuilder Visit(int day, string? hfsStatus = null, string? bniPain = null)
    {
        _operation.FollowUps.Add(new FollowUp
        {
            FollowupId = $"F{_operation.FollowUps.Count + 1}",
            CaseId = _operation.CaseId,
            VisitDate = Surgery.AddDays(day),
            HfsStatus = hfsStatus,
            BniPain = bniPain,
            Operation = _operation,
        });
        return this;
    }

    public OperationBuilder Complication(string type, string resolved, int onsetDay = 5, string clavienDindo = "I")
    {
        _operation.Complications.Add(new Complication
        {
            ComplicationId = $"X{_operation.Complications.Count + 1}",
            CaseId = _operation.CaseId,
            ComplicationType = type,
            OnsetDate = Surgery.AddDays(onsetDay),
            Resolved = resolved,
            ClavienDindo = clavienDindo,
            Operation = _operation,
        });
        return this;
    }

    public OperationBuilder Imaging(string nvcDetected, string? vesselImg)
    {
        _operation.Imaging.Add(new ImagingStudy { ImagingId = $"I{_operation.Imaging.Count + 1}", CaseId = _operation.CaseId, NvcDetected = nvcDetected, VesselImg = vesselImg, Operation = _operation });
        return this;
    }

    public Operation Build() => _operation;

    public Patient Patient => _patient;

    public OperationOutcome Derive() => OutcomeDerivation.Derive(_operation);
}
