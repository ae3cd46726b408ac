namespace MvdRegistry.Web.Entry;

/// <summary>The top of an entry page: every problem and warning of the forms on it, and a conflict.</summary>
public sealed record EntrySummary(EntryState State, IReadOnlyList<EntryForm> Forms);

/// <summary>The bottom of an entry page: hidden state, the warning confirmation, the reason, Save (and a second save button, such as "Save and add the next visit").</summary>
public sealed record EntryFooter(EntryState State, string CancelUrl, string SaveText = "Save", string? SaveAndNextText = null)
{
    /// <summary>The name and value the second save button posts.</summary>
    public const string ThenField = "then";
    public const string Next = "next";
}

/// <summary>The case form's pre-operative and surgery cards, with the keys drawn first, but a key to be generated last.</summary>
public sealed record CaseCards(EntryForm Form, IReadOnlyList<string> Keys)
{
    public IEnumerable<FieldView> Shown => Keys.Select(Form.Field).Where(f => !f.Options.Generated);

    public IEnumerable<FieldView> Generated => Keys.Select(Form.Field).Where(f => f.Options.Generated);
}
