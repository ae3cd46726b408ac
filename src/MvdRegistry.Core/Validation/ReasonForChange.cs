namespace MvdRegistry.Core.Validation;

/// <summary>When a change must say why (an audit expectation of registries): the same rule for the pages and the API.</summary>
public static class ReasonForChange
{
    /// <summary>Changes to a record created longer ago than this need a reason, written into the audit trail.</summary>
    public static readonly TimeSpan RequiredAfter = TimeSpan.FromHours(24);

    public static bool IsRequired(DateTime createdAtUtc, DateTime nowUtc) => createdAtUtc < nowUtc - RequiredAfter;
}
