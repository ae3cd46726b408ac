namespace MvdRegistry.Application.Statistics;

/// <summary>
/// Statistics:PseudonymKey, the secret that orders the surgeon pseudonyms. The built-in development key
/// is public (anyone with the source can recompute every pseudonym from the surgeon codes), so outside
/// Development the registry refuses to start without a key of its own.
/// </summary>
public sealed class PseudonymOptions
{
    public const string Section = "Statistics";

    /// <summary>Development only: published with the source.</summary>
    public const string DevelopmentKey = "mvd-registry-development-pseudonyms";

    public const int MinimumLength = 32;

    public string PseudonymKey { get; set; } = "";

    /// <summary>The configured key, or in Development the development key.</summary>
    public string Key => PseudonymKey.Length > 0 ? PseudonymKey : DevelopmentKey;

    /// <summary>Why these options cannot run outside Development, or null when they can.</summary>
    public string? ProblemOutsideDevelopment() =>
        PseudonymKey.Length == 0 ? "Statistics:PseudonymKey is not set: outside Development the registry needs its own secret (the built-in key is public)"
        : PseudonymKey == DevelopmentKey ? "Statistics:PseudonymKey is the public development key: set a secret of your own"
        : PseudonymKey.Length < MinimumLength ? $"Statistics:PseudonymKey is too short: use a random secret of at least {MinimumLength} characters"
        : null;
}
