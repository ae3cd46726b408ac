using System.ComponentModel.DataAnnotations;

namespace MvdRegistry.Web.Setup;

/// <summary>The "Registry" section of the configuration, validated at start.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Synthetic patients put into an empty embedded database at first start (0: none).</summary>
    [Range(0, 1_000_000, ErrorMessage = "Registry:DemoPatients must be between 0 and 1,000,000.")]
    public int DemoPatients { get; set; }

    public int DemoSeed { get; set; } = 1;
}
