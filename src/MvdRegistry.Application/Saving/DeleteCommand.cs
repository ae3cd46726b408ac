using MvdRegistry.Core.Model;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// One correction by deletion, from a page or an endpoint alike: the tracked record, the version the
/// caller read (a stale delete is refused) and why (required: kept in the audit trail with every value).
/// </summary>
public sealed record DeleteCommand
{
    public required RegistryRecord Record { get; init; }

    /// <summary>The version the caller read.</summary>
    public int? Version { get; init; }

    public string? Reason { get; init; }
}
