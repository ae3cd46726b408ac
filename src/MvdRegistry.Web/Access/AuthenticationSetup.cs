namespace MvdRegistry.Web.Access;

public static class AuthenticationSetup
{
    /// <summary>Authentication:Mode chooses the sign-in: EntraId (the default) or Local (development only).</summary>
    public static WebApplicationBuilder AddRegistryAuthentication(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Authentication:Mode"] ?? "EntraId";
        switch (mode)
        {
            case "Local": LocalSignIn.Add(builder.Services, builder.Environment); break;
            case "EntraId": EntraSignIn.Add(builder.Services, builder.Configuration); break;
            default: throw new InvalidOperationException($"Authentication:Mode '{mode}' is not EntraId or Local");
        }
        builder.Services.AddRegistryAuthorization();
        return builder;
    }
}
