namespace MvdRegistry.Web.Api.Contracts;

/// <summary>What every form's input carries besides its variables.</summary>
public interface IRecordInput
{
    int? Version { get; }

    bool ConfirmWarnings { get; }

    string? Reason { get; }
}

/// <summary>What every form's output carries besides its variables.</summary>
public interface IRecordOutput
{
    int Version { get; }

    DateTime CreatedAt { get; }

    DateTime UpdatedAt { get; }
}
