namespace MvdRegistry.Core.Model;

/// <summary>An operating surgeon, known by code; an administrator may link the code to a user.</summary>
public sealed class Surgeon : IVersioned
{
    public int Version { get; set; }

    public string Code { get; set; } = "";

    public string? UserName { get; set; }
}
