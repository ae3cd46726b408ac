using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Application.Counselling;

/// <summary>
/// A pre-operative profile as typed on the counselling form (or prefilled from an operation), before it
/// is checked: indication, age in years, sex, symptom duration in months, prior botulinum toxin and
/// vertebral artery involvement on imaging (yes, no or unknown).
/// </summary>
public sealed class CounsellingInput
{
    public string? Indication { get; set; }
    public string? Age { get; set; }
    public string? Sex { get; set; }
    public string? Months { get; set; }
    public string? Botox { get; set; }
    public string? Va { get; set; }

    /// <summary>Nothing typed yet: the form is shown empty, without complaints.</summary>
    public bool IsEmpty => new[] { Indication, Age, Sex, Months, Botox, Va }.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// The profile an operation's pre-operative record gives: the indication, the age at surgery, sex, symptom
    /// duration and prior botulinum toxin as recorded, and the vertebral artery as the pre-operative
    /// imaging saw it (or, with no study that looked for a conflict, as found at surgery). Each value's
    /// source, in words, is listed beside it.
    /// </summary>
    public static (CounsellingInput Input, IReadOnlyList<string> Sources) FromOperation(Operation operation)
    {
        var sources = new List<string>();
        var input = new CounsellingInput
        {
            Indication = operation.Indication,
            Age = Core.Outcomes.Age.AtSurgery(operation.Patient?.BirthDate, operation.SurgeryDate)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sex = operation.Patient?.Sex,
            Months = operation.SymptomDurationMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Botox = operation.BotoxPrior,
        };
        if (input.Age is not null) sources.Add("Age at the operation's surgery date.");

        var read = operation.Imaging.Where(s => s.NvcDetected is Codes.Yes or "uncertain").ToList();
        if (read.Count > 0)
        {
            input.Va = read.Any(s => Codes.MultiHas(s.VesselImg, Codes.VertebralArtery)) ? Codes.Yes : Codes.No;
            sources.Add($"Vertebral artery from the {read.Count} imaging stud{(read.Count == 1 ? "y" : "ies")} that saw a neurovascular conflict.");
        }
        else if (operation.VesselOp is not null)
        {
            input.Va = Codes.MultiHas(operation.VesselOp, Codes.VertebralArtery) ? Codes.Yes : Codes.No;
            sources.Add("Vertebral artery as found at surgery: no imaging study of this operation saw a conflict.");
        }
        else
        {
            sources.Add("Vertebral artery: no imaging study saw a conflict and none was recorded at surgery; choose it below.");
        }
        return (input, sources);
    }
}
