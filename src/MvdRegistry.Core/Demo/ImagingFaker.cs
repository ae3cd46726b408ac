using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Demo;

/// <summary>One or two pre-operative studies, which usually (not always) show the vessel the surgeon later finds.</summary>
internal static class ImagingFaker
{
    private static readonly CodeSet Sequences = new(Forms.Imaging, "mri_sequence");
    private static readonly CodeSet Vessels = new(Forms.Imaging, "vessel_img");

    private static readonly Mix<string> FirstModality = new(("MRI", 92), ("CT", 5), ("CTA", 3));
    private static readonly Mix<string> SecondModality = new(("MRI", 50), ("CTA", 25), ("CT", 15), ("DSA", 10));
    private static readonly Mix<string> WrongVessel = new(("AICA", 30), ("PICA", 25), ("VEIN", 20), ("SCA", 10), ("VA", 10), ("OTHER", 5));
    private static readonly Mix<string> ContactSite = new(("rez", 45), ("attached", 25), ("cisternal", 15), ("distal", 5), ("multiple", 10));
    private static readonly Mix<string> Compression = new(("contact", 45), ("indentation", 45), ("displacement", 10));

    public static void Add(DemoContext context, Operation op)
    {
        var random = context.Random;
        var surgery = op.SurgeryDate!.Value;
        var firstDaysBefore = random.Between(3, 180);
        Add(context, op, surgery.AddDays(-firstDaysBefore), FirstModality.Pick(random));
        if (random.Chance(0.35))
        {
            // A second look, on another day: often an angiogram or a repeat MRI closer to surgery.
            var daysBefore = random.Between(1, 365);
            if (daysBefore == firstDaysBefore) daysBefore++;
            Add(context, op, surgery.AddDays(-daysBefore), SecondModality.Pick(random));
        }
    }

    private static void Add(DemoContext context, Operation op, DateOnly date, string modality)
    {
        var random = context.Random;
        var study = new ImagingStudy { ImagingId = context.NextImagingId(), CaseId = op.CaseId, ImagingDate = date, Modality = modality };
        if (modality == "MRI" && random.Chance(0.9))
        {
            var mask = (random.Chance(0.93) ? Sequences.Bit("T2_3D") : 0) | (random.Chance(0.8) ? Sequences.Bit("TOF") : 0)
                | (random.Chance(0.25) ? Sequences.Bit("T1_GAD") : 0) | (random.Chance(0.05) ? Sequences.Bit("DTI") : 0);
            study.MriSequence = Sequences.Join(mask == 0 ? Sequences.Bit("T2_3D") : mask);
        }

        var conflictFound = op.VesselPrimary != "NONE";
        var sensitive = modality is "MRI" or "DSA" or "CTA";
        study.NvcDetected = (conflictFound, sensitive) switch
        {
            (true, true) => Pick(random, 0.8, 0.12),
            (true, false) => Pick(random, 0.3, 0.3),
            _ => Pick(random, 0.05, 0.25),
        };
        if (study.NvcDetected != "no")
        {
            study.VesselImg = random.Chance(0.9) ? Vessels.Join(SeenVessels(random, op)) : null;
            study.ContactSiteImg = random.Chance(0.7) ? (op.ContactSiteOp is { } site && random.Chance(0.7) ? site : ContactSite.Pick(random)) : null;
            study.CompressionImg = random.Chance(0.7) ? (op.CompressionOp is { } degree && random.Chance(0.6) ? degree : Compression.Pick(random)) : null;
        }
        // A tumour found on imaging is a secondary cause and rarely goes on to MVD: keep it very rare.
        study.TumorExcluded = random.YesNo(0.977, 0.02);
        study.Vbd = random.Chance(0.9) ? random.YesNo(op.VesselOp!.Contains("VA") ? 0.3 : 0.02) : null;
        study.Reader = random.Chance(0.85) ? (random.Chance(0.7) ? "neuroradiologist" : "surgeon") : null;
        context.Data.Imaging.Add(study);
    }

    private static string Pick(Random random, double pYes, double pUncertain)
    {
        var u = random.NextDouble();
        return u < pYes ? "yes" : u < pYes + pUncertain ? "uncertain" : "no";
    }

    /// <summary>Imaging names the surgical culprit about 85% of the time (the concordance researchers look at).</summary>
    private static int SeenVessels(Random random, Operation op)
    {
        var primary = op.VesselPrimary!;
        var mask = primary != "NONE" && random.Chance(0.85) ? Vessels.Bit(primary) : Vessels.Bit(WrongVessel.Pick(random));
        foreach (var code in op.VesselOp!.Split('|'))
        {
            if (code != "NONE" && code != primary && random.Chance(0.5)) mask |= Vessels.Bit(code);
        }
        return mask;
    }
}
