namespace MvdRegistry.Core.Demo;

/// <summary>
/// One complication type: how often it follows MVD per indication, how often it stays, when it
/// starts (days after surgery), how long a transient one lasts, and how it is graded (Clavien-Dindo).
/// </summary>
internal sealed record ComplicationRisk(
    string Type, double Hfs, double Tn, double Gpn, double Other,
    double PermanentShare, int OnsetMin, int OnsetMax, double MedianDays, Mix<string> Clavien)
{
    public double RateFor(string indication) => indication switch { "HFS" => Hfs, "TN" => Tn, "GPN" => Gpn, _ => Other };
}

internal static class ComplicationRisks
{
    private static Mix<string> Grades(params (string, double)[] weights) => new(weights);

    // DOMAIN.md's HFS rates: facial palsy transient ~8% and permanent ~1% (9%, a ninth permanent);
    // hearing loss transient ~3%, permanent ~1.5%; CSF leak ~1%; the rest rare. Lower cranial nerve
    // palsy is the typical harm of GPN surgery, facial numbness of TN surgery.
    public static readonly ComplicationRisk[] All =
    [
        new("facial_palsy", 0.09, 0.01, 0.02, 0.03, 0.11, 0, 20, 60, Grades(("I", 60), ("II", 40))),
        new("hearing_loss", 0.045, 0.02, 0.03, 0.03, 0.34, 0, 3, 45, Grades(("I", 70), ("II", 30))),
        new("tinnitus", 0.03, 0.02, 0.02, 0.02, 0.3, 0, 7, 60, Grades(("I", 100))),
        new("vertigo", 0.03, 0.03, 0.04, 0.05, 0.05, 0, 3, 14, Grades(("I", 70), ("II", 30))),
        new("csf_leak", 0.01, 0.012, 0.012, 0.01, 0.0, 2, 14, 10, Grades(("I", 30), ("II", 20), ("IIIa", 30), ("IIIb", 20))),
        new("pseudomeningocele", 0.01, 0.01, 0.01, 0.01, 0.02, 7, 30, 45, Grades(("I", 70), ("II", 20), ("IIIa", 10))),
        new("wound_infection", 0.006, 0.006, 0.006, 0.006, 0.0, 7, 30, 21, Grades(("II", 70), ("IIIb", 30))),
        new("meningitis", 0.003, 0.003, 0.003, 0.003, 0.0, 2, 14, 14, Grades(("II", 60), ("IVa", 40))),
        new("aseptic_meningitis", 0.01, 0.01, 0.01, 0.01, 0.0, 3, 14, 10, Grades(("I", 40), ("II", 60))),
        new("cerebellar_injury", 0.003, 0.003, 0.004, 0.004, 0.3, 0, 2, 60, Grades(("II", 40), ("IIIb", 40), ("IVa", 20))),
        new("hydrocephalus", 0.002, 0.002, 0.002, 0.002, 0.2, 1, 30, 30, Grades(("IIIa", 30), ("IIIb", 70))),
        new("lower_cn", 0.004, 0.001, 0.08, 0.01, 0.1, 0, 3, 45, Grades(("I", 50), ("II", 45), ("IIIa", 5))),
        new("facial_numbness", 0.001, 0.05, 0.003, 0.005, 0.4, 0, 1, 60, Grades(("I", 100))),
        new("diplopia", 0.002, 0.01, 0.002, 0.003, 0.05, 0, 3, 45, Grades(("I", 100))),
        new("venous_infarct", 0.001, 0.002, 0.001, 0.001, 0.3, 0, 3, 60, Grades(("II", 50), ("IVa", 50))),
        new("vte", 0.003, 0.003, 0.003, 0.003, 0.0, 3, 30, 90, Grades(("II", 80), ("IVa", 20))),
        new("other", 0.005, 0.005, 0.005, 0.005, 0.1, 0, 60, 30, Grades(("I", 50), ("II", 40), ("IIIa", 10))),
    ];

    /// <summary>Death after MVD: each under 0.1% (DOMAIN.md).</summary>
    public static double DeathRate(string indication) => indication == "HFS" ? 0.0005 : 0.0006;
}
