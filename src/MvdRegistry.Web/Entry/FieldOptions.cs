using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Entry;

/// <summary>What a page adds to one field beyond the dictionary.</summary>
public sealed record FieldOptions
{
    public static readonly FieldOptions None = new();

    /// <summary>Shown, posted, but not typed into: keys and parents of an existing record.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>A required key that may be left empty on a new record: the server generates it.</summary>
    public bool Generated { get; init; }

    /// <summary>Help text in place of the dictionary's help ("" for none).</summary>
    public string? Help { get; init; }

    /// <summary>Text beside the input, such as the day after surgery of a date.</summary>
    public string? After { get; init; }

    /// <summary>A date whose day after surgery is shown beside it, kept current while typed (wwwroot/js/postopday.js): the operation's date.</summary>
    public DateOnly? SurgeryDate { get; init; }

    /// <summary>As <see cref="SurgeryDate"/>, the surgery date being the named field of the same form (the operation's own form).</summary>
    public string? SurgeryField { get; init; }

    /// <summary>A text variable offered as a list (the sites a user may enter for).</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>Values offered while typing (a datalist), any other value still allowed.</summary>
    public IReadOnlyList<string>? Suggestions { get; init; }
}
