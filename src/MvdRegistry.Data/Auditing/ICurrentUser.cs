namespace MvdRegistry.Data.Auditing;

/// <summary>Who is making the change, for the audit trail.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

/// <summary>A fixed name: the command line ("cli:root") or a background job.</summary>
public sealed class FixedUser(string name) : ICurrentUser
{
    public string Name { get; } = name;
}
