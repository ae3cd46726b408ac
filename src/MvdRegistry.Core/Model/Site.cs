namespace MvdRegistry.Core.Model;

/// <summary>A hospital taking part: a data access group, as in REDCap.</summary>
public sealed class Site
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}
