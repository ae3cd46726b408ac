namespace MvdRegistry.Core.Model;

/// <summary>What every editable clinical row carries besides its variables.</summary>
public abstract class RegistryRecord : IVersioned
{
    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
