using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Application.Saving;

public static class FormTitles
{
    /// <summary>A form as people name it: "Follow-up visit".</summary>
    public static string Of(string form) => form switch
    {
        Forms.Patient => "Patient",
        Forms.Case => "Operation",
        Forms.Imaging => "Imaging study",
        Forms.FollowUp => "Follow-up visit",
        Forms.Complication => "Complication",
        Core.Records.ImportedValues.Entity => "Bundle import",
        _ => form,
    };
}
