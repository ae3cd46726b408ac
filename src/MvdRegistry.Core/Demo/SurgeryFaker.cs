using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>The operation itself: approach, monitoring, the offending vessels and what was done about them.</summary>
internal static class SurgeryFaker
{
    public static readonly CodeSet Vessels = new(Forms.Case, "vessel_op");

    // The usual culprits: AICA/PICA for the facial nerve, SCA for the trigeminal, PICA for the ninth nerve.
    private static readonly Mix<string> HfsVessel = new(("AICA", 45), ("PICA", 34), ("VA", 10), ("VEIN", 3), ("OTHER", 2), ("NONE", 4));
    private static readonly Mix<string> TnVessel = new(("SCA", 74), ("AICA", 8), ("VEIN", 7), ("OTHER", 2), ("NONE", 9));
    private static readonly Mix<string> GpnVessel = new(("PICA", 74), ("VA", 10), ("AICA", 8), ("NONE", 8));
    private static readonly Mix<string> OtherVessel = new(("AICA", 50), ("PICA", 20), ("VA", 5), ("VEIN", 5), ("NONE", 20));
    private static readonly Mix<string> ExtraVessel = new(("VEIN", 35), ("AICA", 20), ("PICA", 20), ("VA", 10), ("SCA", 10), ("OTHER", 5));

    private static readonly Mix<string> HfsApproach = new(("rs_infrafloccular", 85), ("rs_lateral", 12), ("other", 3));
    private static readonly Mix<string> TnApproach = new(("rs_supracerebellar", 60), ("rs_lateral", 38), ("other", 2));
    private static readonly Mix<string> GpnApproach = new(("rs_infrafloccular", 50), ("far_lateral", 30), ("rs_lateral", 20));
    private static readonly Mix<string> OtherApproach = new(("rs_lateral", 80), ("rs_infrafloccular", 20));
    private static readonly Mix<string> Visualization = new(("microscope", 75), ("endoscope_assisted", 20), ("endoscopic", 5));
    private static readonly Mix<string> BaepChange = new(("none", 80), ("latency", 13), ("amplitude", 5), ("loss", 2));
    private static readonly Mix<string> LsrIntraop = new(("disappeared", 80), ("persisted", 14), ("not_recorded", 6));
    private static readonly Mix<string> ContactSite = new(("rez", 40), ("attached", 33), ("cisternal", 12), ("distal", 5), ("multiple", 10));
    private static readonly Mix<string> Compression = new(("contact", 30), ("indentation", 55), ("displacement", 15));
    private static readonly Mix<string> ArteryTechnique = new(("interposition", 80), ("transposition", 10), ("combined", 10));
    private static readonly Mix<string> VaTechnique = new(("transposition", 50), ("combined", 30), ("interposition", 20));
    private static readonly Mix<string> DuralClosure = new(("primary", 50), ("graft", 25), ("sealant", 25));

    public static void Fill(Random random, Operation op)
    {
        var hfs = op.Indication == "HFS";
        op.Approach = (op.Indication switch { "HFS" => HfsApproach, "TN" => TnApproach, "GPN" => GpnApproach, _ => OtherApproach }).Pick(random);
        op.Visualization = random.Chance(0.95) ? Visualization.Pick(random) : null;

        op.BaepMonitored = random.Chance(0.95) ? random.YesNo(hfs ? 0.8 : 0.6) : null;
        op.BaepChange = op.BaepMonitored == "yes" && random.Chance(0.95) ? BaepChange.Pick(random) : null;

        // LSR is a facial-nerve response: monitored in HFS, rarely otherwise, and absent at baseline
        // when the pre-operative EMG found none.
        op.LsrMonitored = random.Chance(0.95) ? random.YesNo(hfs ? 0.75 : 0.03) : null;
        if (op.LsrMonitored == "yes" && random.Chance(0.97))
            op.LsrIntraop = !hfs || op.LsrPreop == "absent" || random.Chance(0.04) ? "absent" : LsrIntraop.Pick(random);

        FillVessels(random, op);
        op.DurationMin = random.Chance(0.9) ? random.NormalInt(op.Redo == "yes" ? 190 : 150, 40, 60, 420) : null;
        op.BloodLossMl = random.Chance(0.75) ? random.LogNormalInt(60, 0.7, 5, 1500) : null;
        op.DuralClosure = random.Chance(0.9) ? DuralClosure.Pick(random) : null;
    }

    private static void FillVessels(Random random, Operation op)
    {
        var primary = (op.Indication switch { "HFS" => HfsVessel, "TN" => TnVessel, "GPN" => GpnVessel, _ => OtherVessel }).Pick(random);
        var mask = Vessels.Bit(primary);
        if (primary == "VA" && random.Chance(0.7))
            mask |= Vessels.Bit(random.Chance(0.6) ? "PICA" : "AICA"); // the VA pushes a loop onto the nerve
        else if (primary != "NONE" && random.Chance(0.2))
            mask |= Vessels.Bit(ExtraVessel.Pick(random));
        op.VesselOp = Vessels.Join(mask);
        op.VesselPrimary = primary;

        if (primary == "NONE")
        {
            // Nothing to decompress: explore, or for pain cut part of the sensory root.
            op.Technique = op.Indication == "TN" && random.Chance(0.5) ? "rhizotomy" : "exploration_only";
            op.Implant = random.Chance(0.95) ? "none" : null;
            return;
        }
        op.ContactSiteOp = random.Chance(0.9) ? ContactSite.Pick(random) : null;
        op.CompressionOp = random.Chance(0.9) ? Compression.Pick(random) : null;
        op.Technique = primary switch
        {
            "VEIN" => random.Chance(0.6) ? "vein_division" : "interposition",
            "VA" => VaTechnique.Pick(random),
            _ => ArteryTechnique.Pick(random),
        };
        op.Implant = random.Chance(0.95) ? ImplantFor(random, op.Technique) : null;
    }

    private static string ImplantFor(Random random, string technique) => technique switch
    {
        "interposition" or "combined" => random.Chance(0.95) ? "teflon" : "other",
        "transposition" => random.Chance(0.5) ? "teflon" : random.Chance(0.4) ? "other" : "none",
        _ => "none",
    };
}
