namespace MvdRegistry.Web.Setup;

/// <summary>The "Registry" section of the configuration.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Synthetic patients put into an empty embedded database at first start (0: none).</summary>
    public int DemoPatients { get; set; }

    public int DemoSeed { get; set; } = 1;
}
