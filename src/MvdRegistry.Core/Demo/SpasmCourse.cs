using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// How one HFS operation's spasm evolves, decided at surgery and then read at each visit. Tuned to
/// the published series in DOMAIN.md: about 60% resolved at discharge, a quarter resolving later,
/// about 90% resolved or near-complete at one year, recurrence in a few percent.
/// </summary>
internal sealed class SpasmCourse
{
    private enum Kind { Immediate, Delayed, NearComplete, Failure }

    private static readonly Mix<string> Early = new(("partial", 55), ("unchanged", 35), ("near_complete", 10));
    private static readonly Mix<string> Failed = new(("partial", 55), ("unchanged", 40), ("worse", 5));
    private static readonly Mix<string> Recurred = new(("partial", 65), ("unchanged", 30), ("worse", 5));

    private Kind _kind;
    private int _improvedDay;
    private string _before = "partial";
    private int? _recurDay;
    private string _recurStatus = "partial";

    /// <summary>The day a redo starts to be considered: a failure at one year, or a recurrence.</summary>
    public int? FailureDay => _kind == Kind.Failure ? 270 : _recurDay;

    public static SpasmCourse Plan(Random random, Operation op, int age)
    {
        // The predictors researchers model (OUTCOMES.md, item 7) really do shift the odds here, so the
        // demo regression has something to find: LSR persisting, a VA culprit, long history, age, redo.
        var risk = op.LsrIntraop switch { "persisted" => 3.0, "disappeared" => 0.7, _ => 1.0 };
        if (op.VesselOp!.Contains("VA")) risk *= 1.5;
        if (op.SymptomDurationMonths > 60) risk *= 1.3;
        if (age >= 70) risk *= 1.2;
        if (op.Redo == "yes") risk *= 1.6;
        if (op.Technique == "exploration_only") risk *= 4;

        var pFailure = Math.Min(0.6, 0.045 * risk);
        var pNear = Math.Min(0.25, 0.06 * Math.Sqrt(risk));
        var pDelayed = op.LsrIntraop == "persisted" ? 0.35 : 0.25;
        var u = random.NextDouble();
        var course = new SpasmCourse
        {
            _kind = u < pFailure ? Kind.Failure : u < pFailure + pNear ? Kind.NearComplete : u < pFailure + pNear + pDelayed ? Kind.Delayed : Kind.Immediate,
        };
        switch (course._kind)
        {
            case Kind.Delayed:
                // Most delayed cures come within months; a few take more than a year.
                course._improvedDay = random.LogNormalInt(60, 1.0, 8, 1000);
                course._before = Early.Pick(random);
                break;
            case Kind.NearComplete:
                course._improvedDay = random.Chance(0.5) ? 0 : random.Between(8, 120);
                break;
            case Kind.Failure:
                course._before = Failed.Pick(random);
                break;
        }
        if (course._kind is Kind.Immediate or Kind.Delayed && random.Chance(0.045))
        {
            course._recurDay = course._improvedDay + random.LogNormalInt(400, 0.8, 60, 3000);
            course._recurStatus = Recurred.Pick(random);
        }
        return course;
    }

    public string StatusAt(int day)
    {
        if (day >= _recurDay) return _recurStatus;
        return _kind switch
        {
            Kind.Immediate => "resolved",
            Kind.Delayed when day >= _improvedDay => "resolved",
            // Spasm fades before it stops: half-way to resolution it is near-complete.
            Kind.Delayed when _improvedDay >= 30 && day >= _improvedDay / 2 => "near_complete",
            Kind.NearComplete when day >= _improvedDay => "near_complete",
            _ => _before,
        };
    }
}
