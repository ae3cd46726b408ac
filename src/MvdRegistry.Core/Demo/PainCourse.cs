using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>How one TN or GPN operation's pain evolves (BNI pain score): mostly I-IIIa after surgery, with late recurrence.</summary>
internal sealed class PainCourse
{
    private static readonly Mix<string> AfterSurgery = new(("I", 74), ("II", 5), ("IIIa", 10), ("IIIb", 5), ("IV", 5), ("V", 1));
    private static readonly Mix<string> NothingFound = new(("I", 40), ("II", 5), ("IIIa", 15), ("IIIb", 15), ("IV", 20), ("V", 5));
    private static readonly Mix<string> Recurred = new(("II", 25), ("IIIb", 40), ("IV", 30), ("V", 5));

    private string _initial = "I";
    private int? _taperDay;
    private int? _recurDay;
    private string _recurScore = "IV";

    /// <summary>The day a redo starts to be considered: pain not controlled after surgery, or returning uncontrolled.</summary>
    public int? FailureDay => _initial is "IV" or "V" ? 90 : _recurScore is "IV" or "V" ? _recurDay : null;

    public static PainCourse Plan(Random random, Operation op)
    {
        // Exploration or rhizotomy without a conflict to decompress relieves less reliably.
        var course = new PainCourse { _initial = (op.VesselPrimary == "NONE" ? NothingFound : AfterSurgery).Pick(random) };
        // Many patients taper their medication off in the first months.
        if (course._initial == "IIIa" && random.Chance(0.5)) course._taperDay = random.Between(60, 240);
        if (course._initial is "I" or "II" or "IIIa" && random.Chance(op.Redo == "yes" ? 0.2 : 0.12))
        {
            course._recurDay = random.LogNormalInt(800, 0.9, 90, 4000);
            course._recurScore = Recurred.Pick(random);
        }
        return course;
    }

    public string ScoreAt(int day) =>
        day >= _recurDay ? _recurScore
        : day >= _taperDay ? "I"
        : _initial;
}
