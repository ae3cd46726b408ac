using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MvdRegistry.IntegrationTests.Authorization;

/// <summary>
/// Every endpoint the running application maps, as "METHOD /route": minimal API routes with their
/// methods, and Razor pages with GET and each handler they declare (a named handler as ?handler=Name).
/// </summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<string>> ListAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, endpoint.Metadata);
                found.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                    found.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is { Length: > 0 } name ? "?handler=" + name : "")}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            // An endpoint for any method (a health check) is used with GET.
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET"]) found.Add($"{method} {route}");
        }
        return found.ToList();
    }
}
