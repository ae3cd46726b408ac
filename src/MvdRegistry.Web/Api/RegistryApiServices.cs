using MvdRegistry.Web.Api.OpenApi;

namespace MvdRegistry.Web.Api;

public static class RegistryApiServices
{
    /// <summary>
    /// The JSON API's services: problem details and its OpenAPI document. Its JSON names are
    /// set on its types (snake_case, as in the dictionary), not in the app-wide JSON options, which stay as
    /// ASP.NET Core sets them for any other endpoint.
    /// </summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddOpenApi(options =>
        {
            // The API only: pages and /health are not part of its contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(new ApiDocumentTransformer(configuration["Authentication:Mode"] ?? "EntraId"));
            options.AddSchemaTransformer<DictionarySchemaTransformer>();
        });
        return services;
    }

    /// <summary>The API and its document. The document is schema only, no data, and open to read: client generators fetch it without signing in.</summary>
    public static WebApplication MapRegistryApiAndDocument(this WebApplication app)
    {
        app.MapRegistryApi();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
