namespace MvdRegistry.Core.Model;

/// <summary>
/// One append-only row of the audit trail. An insert is one row holding every value as JSON in
/// <see cref="NewValue"/> (Field is null); an update is one row per changed field; a delete is one
/// row holding the old values. An import is one row for the whole bundle (entity <c>import</c>, its key
/// the instant of the import, its files and their SHA-256 in <see cref="NewValue"/>): the records it
/// inserted have no row of their own, their <c>created_at</c> is that instant (see <c>ImportedValues</c>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string User { get; set; } = "";

    public string Entity { get; set; } = "";

    public string Key { get; set; } = "";

    public AuditAction Action { get; set; }

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }
}

public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
    /// <summary>A bundle import: one row per import, not per record.</summary>
    Import = 4,
}
