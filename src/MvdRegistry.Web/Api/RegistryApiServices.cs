using MvdRegistry.Web.Api.OpenApi;

namespace MvdRegistry.Web.Api;

public static class RegistryApiServices
{
    /// <summary>
    /// The JSON API's services: problem details and its OpenAPI document. Its JSON names are
    /// set on its types (snake_case, as in the dictionary), not in the app-wide JSON options, which stay as
    /// ASP.NET Core sets them for any other endpoint.
    /// </summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi(options =>
        {
            // The API only: pages and /health are not part of its contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddSchemaTransformer<DictionarySchemaTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Every error of /api is RFC 7807 problem details, in every environment and never with a stack
    /// trace: an exception is 500 (or the status a bad request carries, such as 413 for a body over the
    /// server's limit), and a status without a body (a 404 route, a 405, a parameter that does not bind)
    /// gets one. Pages keep the error page and the status page.
    /// </summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The API and its document. The document is schema only, no data, and open to read: client generators fetch it without signing in.</summary>
    public static WebApplication MapRegistryApiAndDocument(this WebApplication app)
    {
        app.MapRegistryApi();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
