using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api.Contracts;
using MvdRegistry.Web.Entry;
using MvdRegistry.Web.Api.Problems;
using MvdRegistry.Web.Api.Saving;

namespace MvdRegistry.Web.Api.Children;

/// <summary>
/// Imaging studies, follow-up visits and complications beneath an operation: the same four endpoints
/// for each. The operation in the address decides the site (so the access) and the case_id.
/// </summary>
public static class ChildRecordsApi<TEntity, TInput, TRecord>
    where TEntity : RegistryRecord, new()
    where TInput : class, IRecordInput
    where TRecord : IRecordOutput, new()
{
    private static readonly string Form = FormColumns.FormOf(typeof(TRecord));
    private static readonly string KeyColumn = Forms.KeyColumn(Form);

    public static async Task<Results<Ok<List<TRecord>>, ProblemHttpResult>> List(
        string caseId, RegistryDbContext db, RegistryUser user, CancellationToken ct)
    {
        var operation = await db.Operations.Readable(user).AsNoTracking()
            .Include(o => o.Imaging).Include(o => o.FollowUps).Include(o => o.Complications).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.CaseId == caseId, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        return TypedResults.Ok(ChildForms.Of<TEntity>(operation).OrderBy(FieldAccess.Key, StringComparer.Ordinal).Select(FormColumns.ToRecord<TRecord>).ToList());
    }

    public static async Task<Results<Ok<TRecord>, ProblemHttpResult>> Get(
        string caseId, string id, RegistryDbContext db, RegistryUser user, CancellationToken ct)
    {
        var operation = await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        var record = ChildForms.Of<TEntity>(operation).SingleOrDefault(r => FieldAccess.Key(r) == id);
        return record is null ? ApiProblems.NotFound(KeyColumn, id) : TypedResults.Ok(FormColumns.ToRecord<TRecord>(record));
    }

    public static async Task<Results<Created<TRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<UnconfirmedWarningsProblem>>> Create(
        string caseId, JsonBody<TInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, SaveHandler saver, CancellationToken ct)
    {
        var operation = await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        if (!user.MayEditSite(operation.Patient!.SiteCode)) return ApiProblems.ReadOnly(operation.Patient.SiteCode);
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);

        // Linked before validation: the rules compare it with the operation and its other records.
        var record = new TEntity();
        SetOperation(record, operation);
        ChildForms.Of<TEntity>(operation).Add(record);
        var keys = new Dictionary<string, string> { ["case_id"] = operation.CaseId };
        var outcome = await saver.SaveAsync(ApiSave.Command(record, input, isNew: true, keys, reason), ct);
        return SaveResults.Created(outcome,
            () => $"/api/operations/{Uri.EscapeDataString(operation.CaseId)}/{ChildForms.Segment<TEntity>()}/{Uri.EscapeDataString(FieldAccess.Key(record))}",
            () => FormColumns.ToRecord<TRecord>(record));
    }

    public static async Task<Results<Ok<TRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>, JsonHttpResult<UnconfirmedWarningsProblem>>> Update(
        string caseId, string id, JsonBody<TInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, SaveHandler saver, CancellationToken ct)
    {
        var operation = await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        var record = ChildForms.Of<TEntity>(operation).SingleOrDefault(r => FieldAccess.Key(r) == id);
        if (record is null) return ApiProblems.NotFound(KeyColumn, id);
        if (!user.MayEditSite(operation.Patient!.SiteCode)) return ApiProblems.ReadOnly(operation.Patient.SiteCode);
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);

        var keys = new Dictionary<string, string> { ["case_id"] = operation.CaseId, [KeyColumn] = id };
        var outcome = await saver.SaveAsync(ApiSave.Command(record, input, isNew: false, keys, reason), ct);
        return SaveResults.Updated(outcome, () => FormColumns.ToRecord<TRecord>(record));
    }

    /// <summary>Deletes a record entered by mistake: the version read in <c>?version=</c>, the reason in the X-Change-Reason header (required).</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>>> Delete(
        string caseId, string id, [FromQuery(Name = "version")] int? version, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, DeleteHandler deleter, CancellationToken ct)
    {
        var operation = await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        var record = ChildForms.Of<TEntity>(operation).SingleOrDefault(r => FieldAccess.Key(r) == id);
        if (record is null) return ApiProblems.NotFound(KeyColumn, id);
        if (!user.MayEditSite(operation.Patient!.SiteCode)) return ApiProblems.ReadOnly(operation.Patient.SiteCode);
        return DeleteResults.Of(await deleter.DeleteAsync(DeleteResults.Command(record, version, reason), ct));
    }

    private static void SetOperation(TEntity record, Operation operation)
    {
        switch (record)
        {
            case ImagingStudy s: s.Operation = operation; break;
            case FollowUp f: f.Operation = operation; break;
            case Complication c: c.Operation = operation; break;
        }
    }
}
