using MvdRegistry.Core.Model;

namespace MvdRegistry.Web.Entry;

/// <summary>One save of one record from a form.</summary>
public sealed class EntryRequest
{
    /// <summary>The record, linked to its operation (and that operation's patient and other records) so the cross-field rules see them.</summary>
    public required RegistryRecord Record { get; init; }

    /// <summary>The dictionary's columns as posted: what the page shows again when the save does not go through.</summary>
    public required IReadOnlyDictionary<string, string?> Posted { get; init; }

    public required EntryInput Input { get; init; }

    /// <summary>Columns the server sets whatever was posted: the key of an existing record and the parent.</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();
}

public sealed record EntryResult(bool Saved, EntryForm Form, EntryState State);
