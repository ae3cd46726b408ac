namespace MvdRegistry.Web.Entry;

/// <summary>
/// The "Delete" card at the bottom of an edit page: the record it deletes, the version the page was
/// opened at, the reason and the confirmation as typed, and why it was refused; or, when records
/// beneath stand in the way, which ones (then there is no button).
/// </summary>
public sealed class DeleteCard
{
    public const string ReasonField = "delete_reason";
    public const string ConfirmField = "delete_confirm";

    /// <summary>"follow-up visit F1".</summary>
    public required string Title { get; init; }

    public int? RowVersion { get; set; }

    public string? Reason { get; set; }

    /// <summary>Records beneath it, named: it cannot be deleted until they are.</summary>
    public string? Blocked { get; init; }

    /// <summary>Why the last delete was refused; nothing was deleted.</summary>
    public List<string> Errors { get; } = [];
}
