namespace MvdRegistry.Web.Access;

/// <summary>
/// The "Authentication" section: which sign-in the registry uses. Read once at start and validated
/// there: the host refuses to start with an unknown mode, or with the development sign-in in any
/// environment but exactly Development.
/// </summary>
public sealed class AuthenticationOptions
{
    public const string Section = "Authentication";
    public const string EntraId = "EntraId";
    public const string Local = "Local";

    /// <summary><see cref="EntraId"/> (the default) or <see cref="Local"/>, the development sign-in.</summary>
    public string Mode { get; set; } = EntraId;

    public bool IsLocal => Mode == Local;

    /// <summary>The reason the host must not start with these options, or null.</summary>
    public string? Problem(string environmentName) => Mode switch
    {
        EntraId => null,
        Local when environmentName == Environments.Development => null,
        Local => $"Authentication:Mode is Local, the development sign-in that lets anyone act as any user without a password, " +
            $"and the environment is '{environmentName}': Local runs only in the environment named exactly 'Development'. " +
            "Configure Entra ID (Authentication:Mode = EntraId and the AzureAd section).",
        _ => $"Authentication:Mode '{Mode}' is neither {EntraId} nor {Local}.",
    };
}
