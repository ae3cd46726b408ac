using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace MvdRegistry.Web.Access;

/// <summary>
/// Production sign-in: Microsoft Entra ID through Microsoft.Identity.Web, configured from the AzureAd
/// section. Pages use OpenID Connect; /api uses bearer tokens. Roles are the app registration's app roles.
/// </summary>
public static class EntraSignIn
{
    private const string Selector = "EntraSelector";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("AzureAd");
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Selector;
                options.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Entra ID", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme);
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(section, OpenIdConnectDefaults.AuthenticationScheme, "Cookies");
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApi(section, JwtBearerDefaults.AuthenticationScheme);
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.TokenValidationParameters.NameClaimType = "preferred_username";
        });
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.TokenValidationParameters.NameClaimType = "preferred_username";
        });
    }
}
