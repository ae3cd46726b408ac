using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api.Contracts;
using MvdRegistry.Web.Api.Paging;
using MvdRegistry.Web.Api.Problems;
using MvdRegistry.Web.Api.Saving;

namespace MvdRegistry.Web.Api.Patients;

/// <summary>Patients: enough to find one by MRN, to create one before their first operation, and to correct one.</summary>
public static class PatientsApi
{
    public static async Task<Results<Ok<RecordPage<PatientRecord>>, ValidationProblem>> List(
        RegistryDbContext db, RegistryUser user,
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "mrn")] string? mrn, [FromQuery(Name = "site_code")] string? siteCode,
        CancellationToken ct)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request) return ApiProblems.Invalid(errors);
        var query = db.Patients.Readable(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(mrn)) query = query.Where(p => p.Mrn == mrn.Trim());
        if (!string.IsNullOrWhiteSpace(siteCode)) query = query.Where(p => p.SiteCode == siteCode);
        return TypedResults.Ok(await request.ReadAsync(query.OrderBy(p => p.PatientId), FormColumns.ToRecord<PatientRecord>, ct));
    }

    public static async Task<Results<Ok<PatientRecord>, ProblemHttpResult>> Get(
        string patientId, RegistryDbContext db, RegistryUser user, CancellationToken ct)
    {
        var patient = await db.Patients.Readable(user).AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        return patient is null
            ? ApiProblems.NotFound("patient_id", patientId)
            : TypedResults.Ok(FormColumns.ToRecord<PatientRecord>(patient));
    }

    public static async Task<Results<Created<PatientRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<UnconfirmedWarningsProblem>>> Create(
        JsonBody<PatientInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        SaveHandler saver, CancellationToken ct)
    {
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);
        var patient = new Patient();
        var outcome = await saver.SaveAsync(ApiSave.Command(patient, input, isNew: true, new Dictionary<string, string>(), reason), ct);
        return SaveResults.Created(outcome, () => $"/api/patients/{Uri.EscapeDataString(patient.PatientId)}", () => FormColumns.ToRecord<PatientRecord>(patient));
    }

    /// <summary>Replaces every variable; the key stays, and a new site must be one of the user's too.</summary>
    public static async Task<Results<Ok<PatientRecord>, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>, JsonHttpResult<UnconfirmedWarningsProblem>>> Update(
        string patientId, JsonBody<PatientInput> body, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, SaveHandler saver, CancellationToken ct)
    {
        // With the operations, whose rules read the patient (no surgery before birth).
        var patient = await db.Patients.Readable(user).Include(p => p.Operations).SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (patient is null) return ApiProblems.NotFound("patient_id", patientId);
        if (!user.MayEditSite(patient.SiteCode)) return ApiProblems.ReadOnly(patient.SiteCode);
        if (body.Value is not { } input) return ApiProblems.Invalid(body.Errors);

        var keys = new Dictionary<string, string> { ["patient_id"] = patient.PatientId };
        var outcome = await saver.SaveAsync(ApiSave.Command(patient, input, isNew: false, keys, reason), ct);
        return SaveResults.Updated(outcome, () => FormColumns.ToRecord<PatientRecord>(patient));
    }

    /// <summary>Deletes a patient without operations: the version read in <c>?version=</c>, the reason in the X-Change-Reason header (required).</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, JsonHttpResult<StaleVersionProblem>>> Delete(
        string patientId, [FromQuery(Name = "version")] int? version, [FromHeader(Name = ChangeReason.Header)] string? reason,
        RegistryDbContext db, RegistryUser user, DeleteHandler deleter, CancellationToken ct)
    {
        var patient = await db.Patients.Readable(user).SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (patient is null) return ApiProblems.NotFound("patient_id", patientId);
        if (!user.MayEditSite(patient.SiteCode)) return ApiProblems.ReadOnly(patient.SiteCode);
        return DeleteResults.Of(await deleter.DeleteAsync(DeleteResults.Command(patient, version, reason), ct));
    }
}
