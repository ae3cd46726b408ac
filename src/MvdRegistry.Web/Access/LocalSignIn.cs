using Microsoft.AspNetCore.Authentication.Cookies;

namespace MvdRegistry.Web.Access;

/// <summary>
/// The development sign-in: a cookie issued by /Account/SignIn for one of the registry's seeded users.
/// It exists for the embedded default and the tests; the host refuses to start with it in any
/// environment but Development (<see cref="AuthenticationOptions"/>).
/// </summary>
public static class LocalSignIn
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The authentication type of a locally signed-in identity: its roles are read from the registry.</summary>
    public const string IdentityType = "mvd-local";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.LoginPath = "/Account/SignIn";
            options.AccessDeniedPath = "/Account/Denied";
            options.Cookie.Name = "mvd.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events.OnRedirectToLogin = context => ApiStatusOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOr(context, StatusCodes.Status403Forbidden);
        });
    }

    /// <summary>The API answers 401/403; pages redirect to sign-in or to the denied page.</summary>
    private static Task ApiStatusOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
