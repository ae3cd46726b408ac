using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>One operation row with its pre-operative imaging.</summary>
internal static class OperationFaker
{
    private static readonly Mix<int> LengthOfStay = new((2, 10), (3, 30), (4, 30), (5, 15), (6, 8), (7, 7));

    /// <summary>Creates the operation; <paramref name="los"/> is the stay, recorded only once the patient has gone home.</summary>
    public static Operation Create(DemoContext context, Patient patient, DemoSite site, OperationSpec spec, out int los)
    {
        var random = context.Random;
        var op = new Operation
        {
            CaseId = context.NextCaseId(),
            PatientId = patient.PatientId,
            Indication = spec.Indication,
            Side = spec.Side,
            Redo = spec.Redo ? "yes" : "no",
            SurgeryDate = spec.Date,
            SurgeonCode = site.Surgeons.Pick(random),
        };
        PreopFaker.Fill(random, op, spec.Age, patient.Ethnicity == "asian", spec.DurationMonths);
        SurgeryFaker.Fill(random, op);
        los = LengthOfStay.Pick(random);
        var discharge = spec.Date.AddDays(los);
        op.DischargeDate = discharge <= context.Today && random.Chance(0.97) ? discharge : null;
        context.Data.Operations.Add(op);
        ImagingFaker.Add(context, op);
        return op;
    }
}

/// <summary>What the patient's story fixes about an operation before it is filled in.</summary>
internal readonly record struct OperationSpec(string Indication, string Side, bool Redo, DateOnly Date, int Age, int? DurationMonths);
