namespace MvdRegistry.Data.Auditing;

/// <summary>
/// Who is making the change, for the audit trail: the person, and the job acting for them when the
/// change is made outside their request (a background job, a command-line run for someone).
/// </summary>
public interface ICurrentUser
{
    /// <summary>The person (sign-in name), or a fixed name such as "cli:root".</summary>
    string Name { get; }

    /// <summary>The job acting for <see cref="Name"/> ("statistics-snapshot #42"); null in the person's own request.</summary>
    string? Job => null;

    /// <summary>What the audit trail's user column holds: "alice", or "alice via job statistics-snapshot #42".</summary>
    string AuditName => Job is { } job ? $"{Name} via job {job}" : Name;
}

/// <summary>A fixed name: the command line ("cli:root") or a seed.</summary>
public sealed class FixedUser(string name) : ICurrentUser
{
    public string Name { get; } = name;
}
