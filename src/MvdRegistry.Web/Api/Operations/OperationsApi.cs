using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api.Contracts;
using MvdRegistry.Web.Api.Paging;
using MvdRegistry.Web.Api.Problems;
using MvdRegistry.Web.Api.Saving;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Api.Operations;

/// <summary>Operations (the dictionary's "case" form): list, read, create for a patient, update.</summary>
public static class OperationsApi
{
    public static async Task<Results<Ok<RecordPage<OperationRecord>>, ValidationProblem>> List(
        RegistryDbContext db, RegistryUser user,
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "patient_id")] string? patientId, [FromQuery(Name = "site_code")] string? siteCode,
        CancellationToken ct)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request) return ApiProblems.Invalid(errors);
        var query = db.Operations.Readable(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(patientId)) query = query.Where(o => o.PatientId == patientId);
        if (!string.IsNullOrWhiteSpace(siteCode)) query = query.Where(o => o.Patient!.SiteCode == siteCode);
        var ordered = query.OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId);
        return TypedResults.Ok(await request.ReadAsync(ordered, FormColumns.ToRecord<OperationRecord>, ct));
    }

    public static async Task<Results<Ok<OperationRecord>, ProblemHttpResult>> Get(
        string caseId, RegistryDbContext db, RegistryUser user, CancellationToken ct)
    {
        var operation = await db.Operations.Readable(user).AsNoTracking().SingleOrDefaultAsync(o => o.CaseId == caseId, ct);
        return operation is null
            ? ApiProblems.NotFound("case_id", caseId)
            : TypedResults.Ok(FormColumns.ToRecord<OperationRecord>(operation));
    }

    /// <summary>The patient must be one the surgeon enters records for; the surgeon code defaults to the user's own.</summary>
    public static async Task<Results<Created<OperationRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<UnconfirmedWarningsProblem>>> Create(
        JsonBody<OperationInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, SaveHandler saver, CancellationToken ct)
    {
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);
        if (string.IsNullOrWhiteSpace(input.SurgeonCode) && user.SurgeonCode is { } own) input = input with { SurgeonCode = own };
        var patient = string.IsNullOrWhiteSpace(input.PatientId) ? null
            : await db.Patients.Readable(user).SingleOrDefaultAsync(p => p.PatientId == input.PatientId.Trim(), ct);
        List<FieldIssue> found = patient is null || !user.MayEditSite(patient.SiteCode)
            ? [new FieldIssue("patient_id", $"no patient '{input.PatientId}' at a site where you enter records: create the patient first (POST /api/patients)")]
            : [];
        if (found.Count > 0) patient = null;

        var operation = new Operation { Patient = patient };
        var outcome = await saver.SaveAsync(ApiSave.Command(operation, input, isNew: true, new Dictionary<string, string>(), reason, found), ct);
        return SaveResults.Created(outcome, () => $"/api/operations/{Uri.EscapeDataString(operation.CaseId)}", () => FormColumns.ToRecord<OperationRecord>(operation));
    }

    /// <summary>Replaces every variable; the operation's key and patient stay as they are.</summary>
    public static async Task<Results<Ok<OperationRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>, JsonHttpResult<UnconfirmedWarningsProblem>>> Update(
        string caseId, JsonBody<OperationInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, SaveHandler saver, CancellationToken ct)
    {
        var operation = await OperationGraph.LoadAsync(db, user, caseId, tracked: true, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        if (!user.MayEditSite(operation.Patient!.SiteCode)) return ApiProblems.ReadOnly(operation.Patient.SiteCode);
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);

        var keys = new Dictionary<string, string> { ["case_id"] = operation.CaseId, ["patient_id"] = operation.PatientId };
        var outcome = await saver.SaveAsync(ApiSave.Command(operation, input, isNew: false, keys, reason), ct);
        return SaveResults.Updated(outcome, () => FormColumns.ToRecord<OperationRecord>(operation));
    }

    /// <summary>Deletes an operation with nothing recorded beneath it: the version read in <c>?version=</c>, the reason in the X-Change-Reason header (required).</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>>> Delete(
        string caseId, [FromQuery(Name = "version")] int? version, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, DeleteHandler deleter, CancellationToken ct)
    {
        var operation = await db.Operations.Readable(user).Include(o => o.Patient).SingleOrDefaultAsync(o => o.CaseId == caseId, ct);
        if (operation is null) return ApiProblems.NotFound("case_id", caseId);
        if (!user.MayEditSite(operation.Patient!.SiteCode)) return ApiProblems.ReadOnly(operation.Patient.SiteCode);
        return DeleteResults.Of(await deleter.DeleteAsync(DeleteResults.Command(operation, version, reason), ct));
    }
}
