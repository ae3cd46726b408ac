using Microsoft.Extensions.Options;

namespace MvdRegistry.Web.Access;

public static class AuthenticationSetup
{
    /// <summary>
    /// Authentication:Mode chooses the sign-in: EntraId (the default) or Local (Development only). The
    /// section is read here once, to choose the schemes, and registered as validated options for the
    /// rest of the registry; the host refuses to start when they are not valid (see ValidateOnStart).
    /// </summary>
    public static WebApplicationBuilder AddRegistryAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthenticationOptions.Section);
        builder.Services.AddOptions<AuthenticationOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthenticationOptions>, AuthenticationValidation>();
        builder.Services.AddOptions<EntraIdOptions>().Bind(builder.Configuration.GetSection(EntraIdOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EntraIdOptions>, EntraIdValidation>();

        var options = section.Get<AuthenticationOptions>() ?? new AuthenticationOptions();
        if (options.Mode == AuthenticationOptions.Local) LocalSignIn.Add(builder.Services);
        else EntraSignIn.Add(builder.Services, builder.Configuration);
        builder.Services.AddRegistryAuthorization();
        return builder;
    }

    /// <summary>Refuses an unknown mode, and Local outside Development, saying why.</summary>
    private sealed class AuthenticationValidation(IHostEnvironment environment) : IValidateOptions<AuthenticationOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthenticationOptions options) =>
            options.Problem(environment.EnvironmentName) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }

    /// <summary>With Entra ID, the app registration's settings must all be given.</summary>
    private sealed class EntraIdValidation(IOptions<AuthenticationOptions> authentication) : IValidateOptions<EntraIdOptions>
    {
        public ValidateOptionsResult Validate(string? name, EntraIdOptions options)
        {
            if (authentication.Value.Mode != AuthenticationOptions.EntraId) return ValidateOptionsResult.Success;
            var missing = options.Missing().ToList();
            return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
                $"Authentication:Mode is EntraId but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not set: " +
                "give the Entra ID app registration's settings (environment variables AzureAd__Instance, AzureAd__TenantId, " +
                "AzureAd__ClientId, AzureAd__ClientSecret), or use Authentication:Mode = Local in Development.");
        }
    }
}
