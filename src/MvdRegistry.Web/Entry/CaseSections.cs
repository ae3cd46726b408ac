using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The case form's two parts in the dictionary's order: the pre-operative assessment (from the
/// indication) and the surgery (from the surgery date on). The keys before them are drawn apart.
/// </summary>
public static class CaseSections
{
    public const string PreopStart = "indication";
    public const string SurgeryStart = "surgery_date";

    public static IReadOnlyList<Variable> Preop { get; } = DataDictionary.Instance.Form(Forms.Case)
        .SkipWhile(v => v.Name != PreopStart).TakeWhile(v => v.Name != SurgeryStart).ToList();

    public static IReadOnlyList<Variable> Surgery { get; } = DataDictionary.Instance.Form(Forms.Case)
        .SkipWhile(v => v.Name != SurgeryStart).ToList();
}
