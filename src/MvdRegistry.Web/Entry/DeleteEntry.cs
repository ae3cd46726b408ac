using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The pages' adapter to the <see cref="DeleteHandler"/>: the posted delete form (version, reason,
/// confirmation) becomes a delete command, and a refusal becomes the card again with its errors, the
/// reason kept, and the version of the record as it is now.
/// </summary>
public sealed class DeleteEntry(DeleteHandler handler, RegistryDbContext db)
{
    /// <summary>The card of an edit page, for <paramref name="record"/> as loaded: with what stands in the way, if anything.</summary>
    public async Task<DeleteCard> CardAsync(RegistryRecord record, CancellationToken ct = default)
    {
        return Card(record, await handler.BeneathAsync(record, ct));
    }

    /// <summary>The card of a record nothing can stand beneath (an imaging study, a visit, a complication).</summary>
    public static DeleteCard Card(RegistryRecord record, string? blocked = null) => new()
    {
        Title = $"{FormTitles.Of(FieldAccess.FormOf(record)).ToLowerInvariant()} {FieldAccess.Key(record)}",
        RowVersion = record.Version,
        Blocked = blocked,
    };

    /// <summary>Deletes, or answers the record as it is now (to show again) and the card with what stood in the way.</summary>
    public async Task<DeleteResult> DeleteAsync(RegistryRecord record, IFormCollection form, CancellationToken ct = default)
    {
        var card = Card(record);
        card.Reason = FormPost.Value(form, DeleteCard.ReasonField);
        var version = int.TryParse(FormPost.Value(form, EntryInput.RowVersionField), out var v) ? v : (int?)null;
        if (FormPost.Value(form, DeleteCard.ConfirmField) != "yes")
        {
            card.Errors.Add($"Tick \"Yes, delete {card.Title}\" to confirm: nothing was deleted.");
            return new DeleteResult(false, record, card);
        }
        var outcome = await handler.DeleteAsync(new DeleteCommand { Record = record, Version = version, Reason = card.Reason }, ct);
        switch (outcome)
        {
            case DeleteOutcome.Deleted:
                return new DeleteResult(true, record, card);
            case DeleteOutcome.Refused refused:
                card.Errors.AddRange(refused.Issues.Select(i => i.Message));
                return new DeleteResult(false, record, card);
            case DeleteOutcome.Stale { Save.Now: null }:
                card.Errors.Add($"Someone else deleted {card.Title} while you had it open.");
                return new DeleteResult(false, null, card);
            case DeleteOutcome.Stale { Save: var stale }:
                var fields = string.Join(", ", stale.Changes.Select(c => c.Field).Distinct());
                var users = string.Join(", ", stale.Changes.Select(c => c.User).Distinct());
                card.Errors.Add($"Someone else changed {card.Title} after you opened it" + (fields.Length > 0 ? $" ({fields}, by {users})" : "") +
                    ": nothing was deleted. The form now shows the record as it is; delete again if it is still wrong.");
                // The record as stored now: shown again, and its version is the one a second delete sends.
                var now = stale.Now!;
                if (!ReferenceEquals(now, record)) await db.Entry(record).ReloadAsync(ct);
                card.RowVersion = record.Version;
                return new DeleteResult(false, record, card);
            default:
                throw new System.Diagnostics.UnreachableException($"a delete cannot end {outcome}");
        }
    }
}

/// <summary>A delete from a page: done, or the record to show again (null: gone meanwhile) with the refused card.</summary>
public sealed record DeleteResult(bool Deleted, RegistryRecord? Record, DeleteCard Card);
