using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

internal static class OperationRules
{
    public static void Check(Operation op, List<FieldIssue> issues)
    {
        var vessels = op.VesselOp?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (vessels.Contains("NONE") && vessels.Length > 1)
            issues.Add(new FieldIssue("vessel_op___NONE", "vessel_op: NONE (no conflict found) cannot be combined with a vessel"));
        if (op.VesselPrimary is not null && op.VesselOp is not null && !vessels.Contains(op.VesselPrimary))
            issues.Add(new FieldIssue("vessel_primary", $"vessel_primary {op.VesselPrimary} must be one of the vessels found at surgery (vessel_op)"));
        if (op.DischargeDate < op.SurgeryDate)
            issues.Add(new FieldIssue("discharge_date", $"discharge_date {op.DischargeDate:yyyy-MM-dd} is before surgery_date {op.SurgeryDate:yyyy-MM-dd}"));
        if (op.Patient?.BirthDate is { } born && op.SurgeryDate < born)
            issues.Add(new FieldIssue("surgery_date", $"surgery_date {op.SurgeryDate:yyyy-MM-dd} is before the patient's birth_date {born:yyyy-MM-dd}"));
        if (op.Indication == "HFS" && op.Side == "B")
            issues.Add(FieldIssue.Warning("side", "bilateral hemifacial spasm is rare: please confirm the side"));
    }
}
