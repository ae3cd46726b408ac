using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// The visits of one operation on the usual schedule (discharge, 1, 3, 6, 12 months, then yearly),
/// a little early or late, some missed, and for about 15% of operations stopping early (lost to follow-up).
/// </summary>
internal static class FollowUpFaker
{
    // Days after surgery; the discharge visit comes first, on the day of discharge.
    private static readonly int[] Schedule = [30, 91, 182, 365, 730, 1095, 1460, 1825];
    private static readonly int[] LongTermSchedule = [2555, 3285];

    private static readonly Mix<string> ContactMode = new(("clinic", 55), ("phone", 30), ("video", 7), ("letter", 8));

    /// <summary>Adds the visits up to <paramref name="end"/> (inclusive); returns the last visit's day, -1 when none.</summary>
    public static int Add(DemoContext context, OperationCourse course, DateOnly end)
    {
        var random = context.Random;
        if (random.Chance(0.02)) return -1; // never followed up, not even at discharge
        var lastVisitIndex = random.Chance(0.13) ? random.Between(0, 5) : int.MaxValue;

        var surgery = course.Operation.SurgeryDate!.Value;
        var lastDay = end.DayNumber - surgery.DayNumber;
        if (course.DeathDay is { } death) lastDay = Math.Min(lastDay, death - 1);
        var botoxAgain = false;
        var previous = -1;
        var targets = course.LongTerm ? Schedule.Length + LongTermSchedule.Length : Schedule.Length;
        for (var index = 0; index <= targets && index <= lastVisitIndex; index++)
        {
            var target = index == 0 ? course.Los : index <= Schedule.Length ? Schedule[index - 1] : LongTermSchedule[index - 1 - Schedule.Length];
            var window = Math.Min(30, 3 + target / 20);
            var day = Math.Max(previous + 1, index == 0 ? target : target + random.Between(-window, window));
            if (day > lastDay) break;
            if (index > 0 && random.Chance(0.08)) continue; // missed this one
            context.Data.FollowUps.Add(Visit(context, course, surgery.AddDays(day), day, index, ref botoxAgain));
            previous = day;
        }
        return previous;
    }

    private static FollowUp Visit(DemoContext context, OperationCourse course, DateOnly date, int day, int index, ref bool botoxAgain)
    {
        var random = context.Random;
        var op = course.Operation;
        var visit = new FollowUp
        {
            FollowupId = context.NextFollowUpId(),
            CaseId = op.CaseId,
            VisitDate = date,
            ContactMode = index == 0 ? "clinic" : random.Chance(0.9) ? ContactMode.Pick(random) : null,
            ReoperationSince = random.Chance(0.75) ? "no" : null,
        };
        var examined = visit.ContactMode is "clinic" or "video";
        var palsy = course.Active("facial_palsy", day);
        if (random.Chance(palsy && examined ? 0.95 : examined ? 0.7 : 0.15)) visit.HbGrade = course.HbGradeAt(day);

        var deafened = course.Active("hearing_loss", day);
        if (visit.ContactMode == "clinic" && random.Chance(deafened ? 0.8 : index is 3 or 4 ? 0.3 : 0.03))
        {
            var pta = Math.Clamp(course.PtaAt(day) + random.Normal(0, 3), -10, 120);
            visit.PtaDb = DemoRandom.OneDecimal(pta);
            if (random.Chance(0.9)) visit.SdsPct = pta >= 90 ? random.Between(0, 4) : random.NormalInt(100 - Math.Max(0, pta - 25) * 0.8, 4, 0, 100);
        }

        if (course.Spasm is { } spasm) FillSpasm(random, op, visit, spasm.StatusAt(day), day, index, ref botoxAgain);
        if (course.Pain is { } pain)
        {
            visit.BniPain = pain.ScoreAt(day);
            if (op.Indication == "TN" && random.Chance(0.75))
                visit.BniNumbness = course.Active("facial_numbness", day) && course.BaseNumbness == "I" ? (random.Chance(0.6) ? "II" : "III") : course.BaseNumbness;
        }
        return visit;
    }

    private static void FillSpasm(Random random, Operation op, FollowUp visit, string status, int day, int index, ref bool botoxAgain)
    {
        var preop = op.CohenGradePreop ?? 3;
        visit.HfsStatus = status;
        if (random.Chance(0.85))
        {
            visit.CohenGrade = status switch
            {
                "resolved" => 0,
                "near_complete" => 1,
                "partial" => random.Between(1, Math.Max(1, preop - 1)),
                "unchanged" => preop,
                _ => Math.Min(4, preop + 1),
            };
        }
        if (index > 0 && random.Chance(0.35))
        {
            var before = op.Hfs7Preop ?? preop * 4;
            visit.Hfs7 = status switch
            {
                "resolved" => random.Between(0, 2),
                "near_complete" => random.Between(1, 6),
                "partial" => random.Between(5, Math.Max(5, before - 4)),
                "unchanged" => Math.Clamp(before + random.Between(-3, 3), 0, 28),
                _ => Math.Min(28, before + random.Between(1, 4)),
            };
        }
        // "Since surgery" is cumulative: once toxin was needed again, every later visit says so.
        botoxAgain |= status is "partial" or "unchanged" or "worse" && day >= 60 && random.Chance(0.5);
        if (random.Chance(0.7)) visit.BotoxSinceSurgery = botoxAgain ? "yes" : "no";
    }
}
