using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

/// <summary>Everything an entry page shows around the dictionary's fields: messages, the conflict, the reason, the hidden state.</summary>
public sealed class EntryState
{
    public bool IsEdit { get; init; }

    public int? RowVersion { get; set; }

    /// <summary>The record's values when the page was loaded (JSON), to tell what someone else changed since.</summary>
    public string? LoadedValues { get; set; }

    public string? ChangeReason { get; set; }

    /// <summary>The record is older than a day: a change needs a reason, kept in the audit trail.</summary>
    public bool ReasonRequired { get; set; }

    public string? ReasonError { get; set; }

    /// <summary>Problems not tied to one field of the form: a linked record the change would break, a key taken meanwhile.</summary>
    public List<string> Errors { get; } = [];

    public IReadOnlyList<ConflictRow> Conflict { get; set; } = [];

    /// <summary>Warnings of the values posted; a save goes through only once they are confirmed.</summary>
    public IReadOnlyList<FieldIssue> Warnings { get; set; } = [];

    public string? WarningsFingerprint => Warnings.Count == 0 ? null : MvdRegistry.Application.Saving.Confirmation.FingerprintOf(Warnings);

    public bool WarningsConfirmed { get; set; }
}
