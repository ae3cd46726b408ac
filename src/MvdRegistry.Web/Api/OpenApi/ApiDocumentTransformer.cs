using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Api.OpenApi;

/// <summary>The document's title, its conventions in words, and how a caller signs in.</summary>
public sealed class ApiDocumentTransformer(IOptions<AuthenticationOptions> authentication) : IOpenApiDocumentTransformer
{
    private const string Description = """
        The registry's identified records: patients, operations (the dictionary's "case" form) and, beneath each
        operation, its imaging studies, follow-up visits and complications.

        * **Fields** are the data dictionary's variables, named as in the dictionary (snake_case). A multi-choice
          variable is an array of its codes (`"vessel_op": ["AICA"]`); `null` means not answered or not applicable.
        * **Validation** is the pages' and the import's: type, code and range, required and applicable fields, and
          the cross-field rules, checked against the record's operation, patient, visits and complications. Errors
          answer 400 with RFC 7807 problem details whose `errors` name each variable; a change that would make a
          linked record invalid (a visit now before the surgery) is named `form/key/variable` (`followup/F12/visit_date`).
        * **Warnings** (a bilateral hemifacial spasm, a tumour not excluded) answer 422 with `warnings` by variable
          and save nothing; send the record again with `"confirm_warnings": true` to save it.
        * **PUT** replaces every variable of the record (send it whole, as GET returned it, without `created_at`
          and `updated_at`) and must carry the `version` it read. A stale version answers 409 with the changes
          made since, from the audit trail.
        * **Audit**: every change is recorded with your name. Give a reason in `"reason"` or the `X-Change-Reason`
          header; it is required to change a record created more than 24 hours ago.
        * **Access**: surgeons read and write the records of their sites; administrators read them; researchers have
          no access to this API (it is all identified). A record of a site not granted to you is 404, whatever its id.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "MVD Registry API", Version = "v1", Description = Description };
        var scheme = authentication.Value.IsLocal
            ? new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "mvd.auth",
                Description = "The development sign-in's cookie: sign in at /Account/SignIn first.",
            }
            : new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "An Entra ID access token for the registry's app registration; its app roles are the registry's roles.",
            };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["registry"] = scheme;
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("registry", document)] = [] }];
        return Task.CompletedTask;
    }
}
