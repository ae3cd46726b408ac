namespace MvdRegistry.Web.Entry;

/// <summary>
/// A field someone else changed after the page was loaded: what this user has in the form and what is
/// saved now. <paramref name="TookTheirs"/>: this user had not changed the field, so the form now holds
/// their value (saving again does not undo their change by accident).
/// </summary>
public sealed record ConflictRow(string Name, string Label, string Yours, string Theirs, bool TookTheirs);
