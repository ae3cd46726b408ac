using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// Writes the planned complications the registry would actually know of: those that started in
/// hospital or before the last visit, resolved only if the resolution was seen by then.
/// </summary>
internal static class ComplicationFaker
{
    /// <param name="knownUntilDay">The last day after surgery on which someone saw or heard from the patient.</param>
    public static void Add(DemoContext context, OperationCourse course, int knownUntilDay)
    {
        if (course.Complications is null) return;
        var random = context.Random;
        var surgery = course.Operation.SurgeryDate!.Value;
        foreach (var plan in course.Complications)
        {
            var death = plan.Type == "death";
            if (!death && plan.OnsetDay > knownUntilDay) continue;
            var row = new Complication
            {
                ComplicationId = context.NextComplicationId(),
                CaseId = course.Operation.CaseId,
                ComplicationType = plan.Type,
                OnsetDate = surgery.AddDays(plan.OnsetDay),
                ClavienDindo = plan.Clavien,
                HbGradeWorst = plan.Type == "facial_palsy" && random.Chance(0.95) ? plan.HbWorst : null,
                HearingLossDegree = plan.Type == "hearing_loss" && random.Chance(0.95) ? plan.HearingDegree : null,
                Reoperation = random.Chance(0.95) ? (plan.Clavien == "IIIb" ? "yes" : "no") : null,
            };
            // Still present at the last contact is "no" (it may yet resolve); a few are simply not recorded.
            if (!death && random.Chance(0.03))
                row.Resolved = "unknown";
            else if (plan.ResolveDay is { } end && end <= knownUntilDay)
                (row.Resolved, row.ResolutionDate) = ("yes", surgery.AddDays(end));
            else
                row.Resolved = "no";
            context.Data.Complications.Add(row);
        }
    }
}
