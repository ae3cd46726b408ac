using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>Raw columns read by RecordCodec as every path reads them, on a fixed day, and the one problem a bad value gives.</summary>
internal static class CodecReads
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static (Patient Record, List<FieldIssue> Issues) Patient(string column, string value)
    {
        var patient = RecordCodec.Read<Patient>(Forms.Patient, new Dictionary<string, string?> { [column] = value }, Today, out var issues);
        return (patient, issues);
    }

    public static (Operation Record, List<FieldIssue> Issues) Case(params (string Column, string? Value)[] values)
    {
        var operation = RecordCodec.Read<Operation>(Forms.Case, values.ToDictionary(v => v.Column, v => v.Value), Today, out var issues);
        return (operation, issues);
    }

    /// <summary>The message of the one problem, an error on <paramref name="column"/>.</summary>
    public static string Single(List<FieldIssue> issues, string column)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(column, issue.Column);
        Assert.True(issue.IsError);
        return issue.Message;
    }
}
