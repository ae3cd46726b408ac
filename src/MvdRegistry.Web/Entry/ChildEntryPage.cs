using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The pages of the repeating forms beneath an operation (imaging study, follow-up visit,
/// complication): new and edit differ only in their route, so they share this.
/// </summary>
public abstract class ChildEntryPage(RegistryDbContext db, RegistryUser user, RecordEntry entry) : PageModel
{
    protected abstract string FormName { get; }

    public Operation Operation { get; private set; } = null!;

    public EntryForm Entry { get; private set; } = null!;

    public EntryState State { get; private set; } = new();

    public string? Key { get; private set; }

    /// <summary>The delete card of an edit page; none on a new record's page.</summary>
    public DeleteCard? Delete { get; private set; }

    public string Title => Key is null ? "New " + FormTitles.Of(FormName).ToLowerInvariant() : $"{FormTitles.Of(FormName)} {Key}";

    /// <summary>Every variable but the parent key, which the page header shows.</summary>
    public IEnumerable<FieldView> Fields => Entry.Fields(DataDictionary.Instance.Form(FormName).Where(v => v.Name != Forms.ParentColumn(FormName)));

    public string CaseUrl => "/Cases/" + Uri.EscapeDataString(Operation.CaseId);

    /// <summary>Follow-up visits come one after another: their form also saves and opens the next visit's form.</summary>
    public string? SaveAndNextText => FormName == Forms.FollowUp ? "Save and add the next visit" : null;

    private string NextUrl => CaseUrl + "/FollowUps/New";

    /// <summary>The indication fixes which fields apply on these forms: applies.js reads it from the form.</summary>
    public string Context => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["indication"] = Operation.Indication });

    protected async Task<IActionResult> NewGetAsync(string caseId, CancellationToken ct)
    {
        if (await LoadCaseAsync(caseId, ct) is { } refused) return refused;
        Entry = entry.Form(FormName, new Dictionary<string, string?>());
        return Shown();
    }

    protected async Task<IActionResult> NewPostAsync(string caseId, CancellationToken ct)
    {
        if (await LoadCaseAsync(caseId, ct) is { } refused) return refused;
        var record = Children.New(FormName);
        Children.Link(record, Operation);
        var result = await entry.CreateAsync(new EntryRequest
        {
            Record = record,
            Posted = FormPost.Read(Request.Form, FormName),
            Input = EntryInput.From(Request.Form),
            Fixed = new Dictionary<string, string> { ["case_id"] = Operation.CaseId },
        }, ct);
        return Outcome(record, result);
    }

    protected async Task<IActionResult> EditGetAsync(string id, CancellationToken ct)
    {
        if (await LoadRecordAsync(id, ct) is not { } record) return NotFound();
        if (!user.MayEditSite(Operation.Patient!.SiteCode)) return Forbid();
        (_, Entry, State) = entry.Open(record);
        Delete = DeleteEntry.Card(record);
        return Shown();
    }

    protected async Task<IActionResult> EditPostAsync(string id, CancellationToken ct)
    {
        if (await LoadRecordAsync(id, ct) is not { } record) return NotFound();
        if (!user.MayEditSite(Operation.Patient!.SiteCode)) return Forbid();
        var result = await entry.UpdateAsync(new EntryRequest
        {
            Record = record,
            Posted = FormPost.Read(Request.Form, FormName),
            Input = EntryInput.From(Request.Form),
            Fixed = new Dictionary<string, string> { [Forms.KeyColumn(FormName)] = id, ["case_id"] = Operation.CaseId },
        }, ct);
        Delete = DeleteEntry.Card(record);
        return Outcome(record, result);
    }

    /// <summary>Deletes the record (a reason and the confirmation required) and goes back to its operation, whose history shows it; or the page again, saying why not.</summary>
    protected async Task<IActionResult> DeletePostAsync(string id, DeleteEntry deletion, CancellationToken ct)
    {
        if (await LoadRecordAsync(id, ct) is not { } record) return NotFound();
        if (!user.MayEditSite(Operation.Patient!.SiteCode)) return Forbid();
        var result = await deletion.DeleteAsync(record, Request.Form, ct);
        if (result.Deleted)
        {
            TempData["Saved"] = $"Deleted {result.Card.Title}: its values and your reason are in the history below.";
            return Redirect(CaseUrl);
        }
        if (result.Record is null) return Redirect(CaseUrl);
        (_, Entry, State) = entry.Open(result.Record);
        Delete = result.Card;
        return Shown();
    }

    private IActionResult Outcome(RegistryRecord record, EntryResult result)
    {
        if (result.Saved)
        {
            TempData[SavedMessage.Key] = SavedMessage.Of(record);
            return Redirect(SaveAndNextText is not null && Request.Form[EntryFooter.ThenField] == EntryFooter.Next ? NextUrl : CaseUrl);
        }
        (Entry, State) = (result.Form, result.State);
        return Shown();
    }

    private async Task<IActionResult?> LoadCaseAsync(string caseId, CancellationToken ct)
    {
        if (await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct) is not { } operation) return NotFound();
        Operation = operation;
        return user.MayEditSite(operation.Patient!.SiteCode) ? null : Forbid();
    }

    /// <summary>The record and its operation, found by the record's key but only within what the user may read.</summary>
    private async Task<RegistryRecord?> LoadRecordAsync(string id, CancellationToken ct)
    {
        if (await Children.CaseIdAsync(db, FormName, id, ct) is not { } caseId) return null;
        if (await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct) is not { } operation) return null;
        Operation = operation;
        Key = id;
        return Children.Find(operation, FormName, id);
    }

    private PageResult Shown()
    {
        var keyColumn = Forms.KeyColumn(FormName);
        Entry.Options[keyColumn] = Key is null
            ? new FieldOptions { Generated = true, Help = "Leave empty for a generated key, or type one." }
            : new FieldOptions { ReadOnly = true, Help = "" };
        // Every date of these forms is measured from the operation: shown beside it, as the exports carry it.
        foreach (var date in DataDictionary.Instance.Form(FormName).Where(v => v.Type == VariableType.Date))
            Entry.Options[date.Name] = new FieldOptions
            {
                After = PostOpDay.Describe(Operation.SurgeryDate, Entry.Value(date.Name)),
                SurgeryDate = Operation.SurgeryDate,
            };
        return Page();
    }
}
