using Microsoft.AspNetCore.Authorization;
using MvdRegistry.Core.Access;

namespace MvdRegistry.Web.Access;

public static class Policies
{
    public const string Surgeon = Roles.Surgeon;
    public const string Administrator = Roles.Administrator;

    /// <summary>Statistics and de-identified data: researchers and administrators.</summary>
    public const string Statistics = "Statistics";

    /// <summary>The counselling view: surgeons and administrators, who see patients.</summary>
    public const string Counselling = "Counselling";

    public static IServiceCollection AddRegistryAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Every page and endpoint needs a signed-in user unless it says otherwise ([AllowAnonymous]).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Surgeon, p => p.RequireRole(Roles.Surgeon))
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Statistics, p => p.RequireRole(Roles.Researcher, Roles.Administrator))
            .AddPolicy(Counselling, p => p.RequireRole(Roles.Surgeon, Roles.Administrator));
        services.AddHttpContextAccessor();
        services.AddScoped<RegistryUser>();
        services.AddScoped<Data.Auditing.ICurrentUser>(sp => sp.GetRequiredService<RegistryUser>());
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, RegistryClaimsTransformation>();
        return services;
    }
}
