namespace MvdRegistry.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Every response: no MIME sniffing, no framing by other sites, a content security policy that
    /// allows only the registry's own scripts, styles and images, and no referrer to other sites.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        await next();
    });
}
