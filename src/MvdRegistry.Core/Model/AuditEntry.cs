namespace MvdRegistry.Core.Model;

/// <summary>
/// One append-only row of the audit trail. An insert is one row holding every value as JSON in
/// <see cref="NewValue"/> (Field is null); an update is one row per changed field; a delete is one
/// row holding the old values.
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
}
