namespace MvdRegistry.Core.Model;

/// <summary>A hospital taking part: a data access group, as in REDCap.</summary>
public sealed class Site : IVersioned
{
    public int Version { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}
