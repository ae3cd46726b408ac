using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>The pre-operative assessment of an operation: symptoms, prior treatment, comorbidities, baseline hearing.</summary>
internal static class PreopFaker
{
    private static readonly CodeSet TnDivisions = new(Forms.Case, "tn_division");

    private static readonly Mix<string> HfsOnset = new(("typical", 88), ("atypical", 9), ("unknown", 3));
    private static readonly Mix<string> HfsExtent = new(("periocular", 15), ("lower_face", 45), ("hemiface", 40));
    private static readonly Mix<int> CohenPreop = new((2, 20), (3, 45), (4, 35));
    private static readonly Mix<string> BotoxResponse = new(("good", 45), ("partial", 40), ("none", 15));
    private static readonly Mix<string> TnType = new(("1", 80), ("2", 20));
    private static readonly Mix<string> TnDivision = new(("V2|V3", 35), ("V3", 25), ("V2", 20), ("V1|V2", 8), ("V1", 4), ("V1|V2|V3", 8));
    private static readonly Mix<string> BniPreop = new(("IV", 65), ("V", 30), ("IIIb", 5));
    private static readonly Mix<string> LsrPreopHfs = new(("present", 80), ("absent", 8), ("not_done", 12));

    /// <param name="durationMonths">Symptom duration when already known (a redo counts from the first onset).</param>
    public static void Fill(Random random, Operation op, int age, bool asian, int? durationMonths)
    {
        var medianMonths = op.Indication switch { "HFS" => 48, "TN" => 48, "GPN" => 30, _ => 24 };
        // Symptoms cannot have started before early adulthood: cap the duration by the patient's age.
        op.SymptomDurationMonths = Math.Min(durationMonths ?? random.LogNormalInt(medianMonths, 0.8, 3, 900), Math.Max(3, (age - 12) * 12));

        switch (op.Indication)
        {
            case "HFS": FillSpasm(random, op); break;
            case "TN": FillPain(random, op); FillTrigeminal(random, op); break;
            case "GPN": FillPain(random, op); break;
        }

        var gpn = op.Indication == "GPN";
        op.SymHearingLoss = random.Chance(0.85) ? random.YesNo(op.Indication == "HFS" ? 0.06 : 0.03, 0.02) : null;
        op.SymEarPain = random.Chance(0.85) ? random.YesNo(gpn ? 0.6 : 0.04, 0.02) : null;
        op.SymVision = random.Chance(0.85) ? random.YesNo(op.Indication == "HFS" ? 0.12 : 0.01, 0.02) : null;

        FillComorbidities(random, op, age, asian);
        FillBaseline(random, op, age);
    }

    private static void FillSpasm(Random random, Operation op)
    {
        op.HfsOnset = HfsOnset.Pick(random);
        // The atypical form starts in the lower face, so it is never periocular only.
        op.HfsExtent = op.HfsOnset == "atypical" && random.Chance(0.8) ? "hemiface" : HfsExtent.Pick(random);
        op.SmcGrade = random.Chance(0.9)
            ? op.HfsExtent switch { "periocular" => 1, "lower_face" => random.Between(2, 3), _ => random.Between(3, 4) }
            : null;
        op.CohenGradePreop = CohenPreop.Pick(random);
        op.Hfs7Preop = random.Chance(0.7) ? random.NormalInt(op.CohenGradePreop.Value * 4.5, 4, 0, 28) : null;
        op.SymEarClicking = random.Chance(0.85) ? random.YesNo(0.1, 0.04) : null;

        op.BotoxPrior = random.YesNo(0.72, 0.03);
        if (op.BotoxPrior != "yes") return;
        // Injections are repeated every three to four months: the symptom duration bounds their number.
        var maxCycles = Math.Clamp(op.SymptomDurationMonths!.Value / 3 + 1, 1, 300);
        op.BotoxCycles = random.Chance(0.85) ? random.LogNormalInt(8, 0.8, 1, maxCycles) : null;
        op.BotoxResponse = random.Chance(0.9) ? BotoxResponse.Pick(random) : null;
    }

    private static void FillPain(Random random, Operation op)
    {
        op.BniPainPreop = BniPreop.Pick(random);
        op.MedicationsCount = random.Chance(0.85) ? random.Between(1, 4) : null;
    }

    private static void FillTrigeminal(Random random, Operation op)
    {
        op.TnType = TnType.Pick(random);
        var mask = 0;
        foreach (var code in TnDivision.Pick(random).Split('|')) mask |= TnDivisions.Bit(code);
        op.TnDivision = TnDivisions.Join(mask);
    }

    private static void FillComorbidities(Random random, Operation op, int age, bool asian)
    {
        var older = Math.Max(0, age - 40);
        op.Hypertension = random.Chance(0.95) ? random.YesNo(Math.Min(0.7, 0.1 + older * 0.012), 0.02) : null;
        op.Diabetes = random.Chance(0.95) ? random.YesNo(Math.Min(0.3, 0.04 + older * 0.004), 0.02) : null;
        op.Anticoagulation = random.Chance(0.9) ? random.YesNo(Math.Min(0.35, 0.02 + older * 0.006), 0.02) : null;
        op.AsaClass = random.Chance(0.85) ? (age > 65 && random.Chance(0.4) ? 3 : random.Between(1, 2)) + (random.Chance(0.01) ? 1 : 0) : null;
        op.Bmi = random.Chance(0.85) ? DemoRandom.OneDecimal(Math.Clamp(random.Normal(asian ? 23.5 : 27, 4), 16, 50)) : null;
    }

    private static void FillBaseline(Random random, Operation op, int age)
    {
        // Long-standing spasm and years of toxin leave a few patients with a slight facial weakness.
        op.HbGradePreop = random.Chance(0.8) ? (op.Indication == "HFS" && random.Chance(0.05) ? 2 : 1) : null;
        if (random.Chance(0.75))
        {
            var pta = Math.Clamp(random.Normal(8 + Math.Max(0, age - 40) * 0.6, 7), -5, 100);
            op.PtaDbPreop = DemoRandom.OneDecimal(pta);
            op.SdsPctPreop = random.Chance(0.9) ? random.NormalInt(100 - Math.Max(0, pta - 25) * 0.8, 4, 0, 100) : null;
        }
        op.LsrPreop = op.Indication == "HFS"
            ? (random.Chance(0.9) ? LsrPreopHfs.Pick(random) : null)
            : (random.Chance(0.4) ? "not_done" : null);
    }
}
