using MvdRegistry.Core.Model;
using MvdRegistry.Web.Api.Contracts;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// One record to save from one input. <paramref name="Record"/> is tracked (an update) or new and
/// linked to its real context (a create); <paramref name="FixedKeys"/> are the keys the address or the
/// stored record decides, which the body may repeat but not change; <paramref name="Errors"/> are the
/// endpoint's own findings (a site not granted, an unknown surgeon), reported with the rest.
/// </summary>
public sealed record SaveRequest(
    RegistryRecord Record,
    IRecordInput Input,
    bool IsNew,
    IReadOnlyDictionary<string, string> FixedKeys,
    string? HeaderReason,
    IReadOnlyDictionary<string, string> Errors);

public abstract record SaveOutcome
{
    public sealed record Saved : SaveOutcome;

    /// <summary>Variable name to messages.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : SaveOutcome;

    public sealed record Unconfirmed(Problems.UnconfirmedWarningsProblem Problem) : SaveOutcome;

    public sealed record Stale(Problems.StaleVersionProblem Problem) : SaveOutcome;

    /// <summary>A create whose key another record already holds.</summary>
    public sealed record Taken(string Detail) : SaveOutcome;
}
