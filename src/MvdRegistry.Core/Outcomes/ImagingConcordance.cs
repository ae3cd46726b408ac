using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

public static class ImagingConcordance
{
    /// <returns>
    /// Whether a study that saw a conflict named the vessel found at surgery; null when no study saw
    /// a conflict.
    /// </returns>
    public static bool? Of(Operation operation)
    {
        bool? concordant = null;
        foreach (var study in operation.Imaging)
        {
            if (study.NvcDetected != Codes.Yes) continue;
            if (operation.VesselPrimary is { } vessel && Codes.MultiHas(study.VesselImg, vessel)) return true;
            concordant = false;
        }
        return concordant;
    }
}
