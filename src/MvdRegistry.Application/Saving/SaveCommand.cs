using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// One save of one record, from a page or an endpoint alike. <see cref="Record"/> is tracked (an update)
/// or new and linked to its real context (a create: its parent set, a child put beneath its operation),
/// so the cross-field rules and the linked records' rules see it.
/// </summary>
public sealed record SaveCommand
{
    public required RegistryRecord Record { get; init; }

    /// <summary>The form's columns as raw text, as a form posts them or a bundle row carries them.</summary>
    public required IReadOnlyDictionary<string, string?> Columns { get; init; }

    /// <summary>A new record (no version); otherwise an update of the tracked record.</summary>
    public bool IsNew { get; init; }

    /// <summary>Columns the address or the stored record decides: the input may repeat them, not change them.</summary>
    public IReadOnlyDictionary<string, string> FixedKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>The version the caller read (updates).</summary>
    public int? Version { get; init; }

    /// <summary>Why the record changes (the audit trail); required for a change to a record older than a day.</summary>
    public string? Reason { get; init; }

    public Confirmation Confirmation { get; init; } = Confirmation.None;

    /// <summary>Problems the adapter found while turning its input into columns (an unknown code in a JSON array).</summary>
    public IReadOnlyList<FieldIssue> InputIssues { get; init; } = [];

    /// <summary>A new record left without a key gets the next generated one (the pages); otherwise the key is required.</summary>
    public bool GenerateKey { get; init; }

    /// <summary>
    /// The record's columns as stored, for a form that posts nothing for a multi-choice question left
    /// unticked: an answer of "none" is then kept (see <see cref="AnsweredNone"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Stored { get; init; }

    /// <summary>A new record saved first, in the same transaction (the new patient typed on the page of their first operation).</summary>
    public SaveCommand? With { get; init; }
}
