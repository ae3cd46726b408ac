using Microsoft.AspNetCore.Authorization;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Api.Children;
using MvdRegistry.Web.Api.Contracts;
using MvdRegistry.Web.Api.Operations;
using MvdRegistry.Web.Api.Patients;

namespace MvdRegistry.Web.Api;

/// <summary>
/// The registry's JSON API, described at /openapi/v1.json. Everything here is identified data.
///
///   GET  /api/patients                                    list (?mrn, ?site_code, ?page, ?page_size)   surgeons, administrators
///   GET  /api/patients/{patientId}                        one patient                                  surgeons, administrators
///   POST /api/patients                                    create                                       surgeons
///   PUT  /api/patients/{patientId}                        replace                                      surgeons
///   DELETE /api/patients/{patientId}                      delete one without operations (?version, X-Change-Reason)  surgeons
///   GET  /api/operations                                  list (?patient_id, ?site_code, paging)       surgeons, administrators
///   GET  /api/operations/{caseId}                         one operation                                surgeons, administrators
///   POST /api/operations                                  create for an existing patient               surgeons
///   PUT  /api/operations/{caseId}                         replace                                      surgeons
///   DELETE /api/operations/{caseId}                       delete one with nothing beneath it (?version, X-Change-Reason)  surgeons
///   GET  /api/operations/{caseId}/imaging[/{id}]          studies of an operation, or one              surgeons, administrators
///   POST /api/operations/{caseId}/imaging                 create                                       surgeons
///   PUT  /api/operations/{caseId}/imaging/{id}            replace                                      surgeons
///   DELETE /api/operations/{caseId}/imaging/{id}          delete (?version, X-Change-Reason)           surgeons
///   ... the same for /followups and /complications.
///
/// Surgeons and administrators reach only their granted sites (RecordScope): another site's record is
/// 404, whatever the id. Researchers get 403 on all of it; anonymous callers 401.
/// </summary>
public static class RegistryApi
{
    /// <summary>Identified data: surgeons and administrators; researchers never.</summary>
    private static readonly AuthorizationPolicy Identified = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser().RequireRole(Roles.Surgeon, Roles.Administrator).Build();

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Identified).WithAccessResponses();

        var patients = api.MapGroup("/patients").WithTags("Patients");
        patients.MapGet("", PatientsApi.List).WithName("ListPatients").WithSummary("Patients of your sites, by patient_id");
        patients.MapGet("/{patientId}", PatientsApi.Get).Finds().WithName("GetPatient").WithSummary("One patient");
        patients.MapPost("", PatientsApi.Create).WithName("CreatePatient").Creates().WithSummary("Create a patient");
        patients.MapPut("/{patientId}", PatientsApi.Update).WithName("UpdatePatient").Finds().Updates().WithSummary("Replace a patient's variables");
        patients.MapDelete("/{patientId}", PatientsApi.Delete).WithName("DeletePatient").Finds().Deletes().WithSummary("Delete a patient who has no operations");

        var operations = api.MapGroup("/operations").WithTags("Operations");
        operations.MapGet("", OperationsApi.List).WithName("ListOperations").WithSummary("Operations of your sites, latest surgery first");
        operations.MapGet("/{caseId}", OperationsApi.Get).Finds().WithName("GetOperation").WithSummary("One operation");
        operations.MapPost("", OperationsApi.Create).WithName("CreateOperation").Creates().WithSummary("Create an operation for an existing patient");
        operations.MapPut("/{caseId}", OperationsApi.Update).WithName("UpdateOperation").Finds().Updates().WithSummary("Replace an operation's variables");
        operations.MapDelete("/{caseId}", OperationsApi.Delete).WithName("DeleteOperation").Finds().Deletes().WithSummary("Delete an operation with nothing recorded beneath it");

        MapChildren<ImagingStudy, ImagingInput, ImagingRecord>(operations, "Imaging", "Imaging", "imaging study");
        MapChildren<FollowUp, FollowUpInput, FollowUpRecord>(operations, "Follow-ups", "FollowUp", "follow-up visit");
        MapChildren<Complication, ComplicationInput, ComplicationRecord>(operations, "Complications", "Complication", "complication");
        return app;
    }

    private static void MapChildren<TEntity, TInput, TRecord>(RouteGroupBuilder operations, string tag, string name, string noun)
        where TEntity : RegistryRecord, new()
        where TInput : class, IRecordInput
        where TRecord : IRecordOutput, new()
    {
        var children = operations.MapGroup("/{caseId}/" + ChildForms.Segment<TEntity>()).WithTags(tag).Finds();
        children.MapGet("", ChildRecordsApi<TEntity, TInput, TRecord>.List).WithName($"List{name}").WithSummary($"Every {noun} of an operation");
        children.MapGet("/{id}", ChildRecordsApi<TEntity, TInput, TRecord>.Get).WithName($"Get{name}").WithSummary($"One {noun}");
        children.MapPost("", ChildRecordsApi<TEntity, TInput, TRecord>.Create).WithName($"Create{name}").Creates().WithSummary($"Create a {noun}");
        children.MapPut("/{id}", ChildRecordsApi<TEntity, TInput, TRecord>.Update).WithName($"Update{name}").Updates().WithSummary($"Replace a {noun}'s variables");
        children.MapDelete("/{id}", ChildRecordsApi<TEntity, TInput, TRecord>.Delete).WithName($"Delete{name}").Deletes().WithSummary($"Delete a {noun} entered by mistake");
    }

    /// <summary>
    /// Deletes are the surgeons' (of the record's site), to correct a mistake: 204; 400 without a reason
    /// (X-Change-Reason) or a version (?version=), or with records beneath; a stale version is 409.
    /// </summary>
    private static RouteHandlerBuilder Deletes(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Surgeon)
        .Produces<Problems.StaleVersionProblem>(StatusCodes.Status409Conflict, "application/problem+json");

    /// <summary>Every endpoint: 401 without sign-in, 403 for a role without access.</summary>
    private static RouteGroupBuilder WithAccessResponses(this RouteGroupBuilder group) => group
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(void)))
        .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>An address naming a record: 404 when it does not exist or is another site's.</summary>
    private static TBuilder Finds<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));

    /// <summary>Creates are the surgeons' (of the site); a key already taken is 409, unconfirmed warnings 422.</summary>
    private static RouteHandlerBuilder Creates(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Surgeon)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .Produces<Problems.UnconfirmedWarningsProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");

    /// <summary>Updates are the surgeons' (of the record's site); a stale version is 409, unconfirmed warnings 422.</summary>
    private static RouteHandlerBuilder Updates(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Surgeon)
        .Produces<Problems.StaleVersionProblem>(StatusCodes.Status409Conflict, "application/problem+json")
        .Produces<Problems.UnconfirmedWarningsProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");
}
