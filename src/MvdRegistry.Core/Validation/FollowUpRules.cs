using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

internal static class FollowUpRules
{
    public static void Check(FollowUp visit, List<FieldIssue> issues)
    {
        if (visit.Operation is not { } op || visit.VisitDate is not { } date) return;
        if (date < op.SurgeryDate)
            issues.Add(new FieldIssue("visit_date", $"{date:yyyy-MM-dd} is before the date of surgery ({op.SurgeryDate:yyyy-MM-dd})"));
        if (OperationFacts.DeathDate(op) is { } died && date > died)
            issues.Add(new FieldIssue("visit_date", $"{date:yyyy-MM-dd} is after the death recorded on {died:yyyy-MM-dd}"));
        var twin = op.FollowUps.FirstOrDefault(f => f != visit && f.VisitDate == date && f.FollowupId != visit.FollowupId);
        if (twin is not null)
            issues.Add(new FieldIssue("visit_date", $"operation {op.CaseId} already has visit {twin.FollowupId} on {date:yyyy-MM-dd}: at most one visit per date"));
    }
}
