using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>A complication as it will happen, before it is known whether the registry ever learns of it.</summary>
internal readonly record struct PlannedComplication(
    string Type, int OnsetDay, int? ResolveDay, string Clavien, int HbWorst, string? HearingDegree, double HearingShiftDb)
{
    public bool ActiveOn(int day) => day >= OnsetDay && !(day >= ResolveDay);
}

/// <summary>
/// Everything that will happen to a patient after one operation, decided once at surgery so that
/// every visit and complication row tells the same story (a palsy shows in the visits' House-Brackmann
/// grades, a deaf ear in their audiograms, no visit after a death).
/// </summary>
internal sealed class OperationCourse
{
    private static readonly Mix<int> TransientPalsyGrade = new((2, 35), (3, 35), (4, 22), (5, 8));
    private static readonly Mix<string> Numbness = new(("I", 80), ("II", 14), ("III", 5), ("IV", 1));
    private static readonly List<PlannedComplication> NoComplications = []; // most operations: no list allocated

    public required Operation Operation { get; init; }
    public required int Los { get; init; }
    public SpasmCourse? Spasm { get; private init; }
    public PainCourse? Pain { get; private init; }
    public List<PlannedComplication>? Complications { get; private set; }
    public int? DeathDay { get; private set; }
    /// <summary>Expert centres keep some patients under review beyond five years.</summary>
    public bool LongTerm { get; private init; }
    public string BaseNumbness { get; private init; } = "I";
    public double BaselinePta { get; private init; }

    public int? FailureDay => Spasm?.FailureDay ?? Pain?.FailureDay;

    public static OperationCourse Plan(Random random, Operation op, int age, int los, DateOnly today)
    {
        var course = new OperationCourse
        {
            Operation = op,
            Los = los,
            Spasm = op.Indication == "HFS" ? SpasmCourse.Plan(random, op, age) : null,
            Pain = op.Indication is "TN" or "GPN" ? PainCourse.Plan(random, op) : null,
            LongTerm = random.Chance(0.35),
            BaseNumbness = op.Indication == "TN" ? Numbness.Pick(random) : "I",
            BaselinePta = (double?)op.PtaDbPreop ?? Math.Clamp(random.Normal(8 + Math.Max(0, age - 40) * 0.6, 7), -5, 100),
        };
        course.PlanComplications(random, today.DayNumber - op.SurgeryDate!.Value.DayNumber);
        return course;
    }

    public int HbGradeAt(int day)
    {
        var grade = Operation.HbGradePreop ?? 1;
        foreach (var c in Complications ?? NoComplications)
        {
            if (c.Type != "facial_palsy" || day < c.OnsetDay) continue;
            // A palsy recovers gradually: towards normal by its resolution, towards a residual grade II-III when permanent.
            var worse = c.ResolveDay is { } end
                ? (day >= end ? grade : c.HbWorst - (c.HbWorst - 2) * (day - c.OnsetDay) / Math.Max(1, end - c.OnsetDay))
                : Math.Max(c.HbWorst - (day - c.OnsetDay) / 120, Math.Min(3, c.HbWorst));
            grade = Math.Max(grade, worse);
        }
        return grade;
    }

    public double PtaAt(int day)
    {
        var pta = BaselinePta;
        foreach (var c in Complications ?? NoComplications)
        {
            if (c.Type == "hearing_loss" && c.ActiveOn(day)) pta += c.HearingShiftDb;
        }
        return Math.Min(pta, 120);
    }

    public bool Active(string type, int day)
    {
        foreach (var c in Complications ?? NoComplications)
        {
            if (c.Type == type && c.ActiveOn(day)) return true;
        }
        return false;
    }

    private void PlanComplications(Random random, int daysUntilToday)
    {
        var op = Operation;
        foreach (var risk in ComplicationRisks.All)
        {
            if (!random.Chance(risk.RateFor(op.Indication!) * RateFactor(risk.Type, op))) continue;
            // Facial palsy after MVD is typically delayed by one to three weeks; a third is immediate.
            var onset = risk.Type == "facial_palsy" && random.Chance(0.7) ? random.Between(5, 20) : random.Between(risk.OnsetMin, risk.OnsetMax);
            var permanent = random.Chance(risk.PermanentShare);
            int? resolve = permanent ? null : onset + random.LogNormalInt(risk.MedianDays, 0.7, 1, 2000);
            var hbWorst = risk.Type == "facial_palsy" ? (permanent ? random.Between(3, 5) : TransientPalsyGrade.Pick(random)) : 0;
            string? degree = null;
            var shift = 0.0;
            if (risk.Type == "hearing_loss")
            {
                degree = random.Chance(permanent ? 0.55 : 0.1) ? "complete" : "partial";
                shift = degree == "complete" ? 120 : random.Between(15, 45);
            }
            (Complications ??= []).Add(new PlannedComplication(risk.Type, onset, resolve, risk.Clavien.Pick(random), hbWorst, degree, shift));
        }

        if (!random.Chance(ComplicationRisks.DeathRate(op.Indication!))) return;
        var deathDay = random.Chance(0.85) ? random.Between(1, 30) : random.Between(31, 90);
        if (deathDay > daysUntilToday) return; // not (yet) happened
        DeathDay = deathDay;
        Complications?.RemoveAll(c => c.OnsetDay > deathDay);
        (Complications ??= []).Add(new PlannedComplication("death", deathDay, null, "V", 0, null, 0));
    }

    private static double RateFactor(string type, Operation op) => type switch
    {
        // BAEP changes during surgery warn of hearing loss; a partial rhizotomy numbs the face by design.
        "hearing_loss" => op.BaepChange switch { "loss" => 5, "amplitude" => 2, "latency" => 1.3, "none" => 0.8, _ => 1 },
        "facial_numbness" when op.Technique == "rhizotomy" => 12,
        _ => 1,
    };
}
