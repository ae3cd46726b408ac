namespace MvdRegistry.Web.Entry;

/// <summary>A field someone else changed after the page was loaded: what this user typed and what is saved now.</summary>
public sealed record ConflictRow(string Name, string Label, string Yours, string Theirs);
