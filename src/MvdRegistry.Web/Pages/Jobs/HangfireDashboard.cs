using Hangfire;
using Hangfire.Dashboard;
using MvdRegistry.Core.Access;

namespace MvdRegistry.Web.Pages.Jobs;

/// <summary>
/// Hangfire's own dashboard at /hangfire, for administrators only. Anonymous callers are sent to
/// sign in by the registry's fallback policy; signed-in users who are not administrators get 403
/// from <see cref="AdministratorsOnly"/>. The dashboard draws its pages with inline style
/// attributes, so its responses (and only those) allow inline styles; scripts stay the registry's own.
/// </summary>
public static class HangfireDashboard
{
    public const string Path = "/hangfire";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static void MapRegistryHangfireDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next();
        }));
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            AppPath = "/Jobs",
            DashboardTitle = "MVD Registry · background jobs",
            DisplayStorageConnectionString = false,
        });
    }

    /// <summary>The dashboard's authorization: the registry's Administrator role, wherever the request comes from.</summary>
    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
