namespace MvdRegistry.Core.Records;

public enum Severity { Error, Warning }

/// <summary>A problem with one field (column) of one record; a warning never blocks a save or an import.</summary>
public sealed record FieldIssue(string Column, string Message, Severity Severity = Severity.Error)
{
    public bool IsError => Severity == Severity.Error;

    public static FieldIssue Warning(string column, string message) => new(column, message, Severity.Warning);
}
