using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

internal static class OperationRules
{
    public static void Check(Operation op, List<FieldIssue> issues)
    {
        var vessels = op.VesselOp?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (vessels.Contains("NONE") && vessels.Length > 1)
            issues.Add(new FieldIssue("vessel_op___NONE", "'No conflict found' cannot be ticked together with a vessel"));
        if (op.VesselPrimary is not null && op.VesselOp is not null && !vessels.Contains(op.VesselPrimary))
        {
            var vessel = DataDictionary.Instance.Get(Forms.Case, "vessel_primary").LabelOf(op.VesselPrimary);
            issues.Add(new FieldIssue("vessel_primary", $"{vessel} is not among the offending vessels ticked as found at surgery"));
        }
        if (op.DischargeDate < op.SurgeryDate)
            issues.Add(new FieldIssue("discharge_date", $"{op.DischargeDate:yyyy-MM-dd} is before the date of surgery ({op.SurgeryDate:yyyy-MM-dd})"));
        if (op.Patient?.BirthDate is { } born && op.SurgeryDate < born)
            issues.Add(new FieldIssue("surgery_date", $"{op.SurgeryDate:yyyy-MM-dd} is before the patient's date of birth ({born:yyyy-MM-dd})"));
        if (op.Indication == "HFS" && op.Side == "B")
            issues.Add(FieldIssue.Warning("side", "bilateral hemifacial spasm is rare: please confirm the side"));
    }
}
