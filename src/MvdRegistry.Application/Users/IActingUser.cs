using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Application.Users;

/// <summary>
/// The user a use case acts for, inside a web request or outside one (a background job, the command
/// line): roles, granted sites and surgeon code, and the audit name (the person, and the job when one
/// acts for them).
/// </summary>
public interface IActingUser : ICurrentUser
{
    bool IsSurgeon { get; }

    bool IsAdministrator { get; }

    IReadOnlySet<string> Sites { get; }

    string? SurgeonCode { get; }

    /// <summary>Surgeons write the records of their granted sites only.</summary>
    bool MayEditSite(string? siteCode);
}
