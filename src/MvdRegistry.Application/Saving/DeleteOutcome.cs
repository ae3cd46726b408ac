using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Application.Saving;

/// <summary>What a delete came to: exactly one of deleted, refused or stale. Nothing is deleted unless deleted.</summary>
public abstract record DeleteOutcome
{
    /// <summary>Gone, with one audit row holding every value it had and the reason.</summary>
    public sealed record Deleted(string Form, string Key) : DeleteOutcome;

    /// <summary>
    /// Why not, each by topic: "reason", "version", "site" (not a site the user enters records for) or
    /// "records" (records beneath it, named: they must be deleted first).
    /// </summary>
    public sealed record Refused(IReadOnlyList<FieldIssue> Issues) : DeleteOutcome
    {
        public string? Of(string topic) => Issues.FirstOrDefault(i => i.Column == topic)?.Message;
    }

    /// <summary>Someone saved the record after the caller read it: what changed since, as for a save.</summary>
    public sealed record Stale(SaveOutcome.Stale Save) : DeleteOutcome;
}
