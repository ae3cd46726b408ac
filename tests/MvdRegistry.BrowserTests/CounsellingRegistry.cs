namespace MvdRegistry.BrowserTests;

/// <summary>
/// A second registry for the counselling view's prediction: 500 demo patients (the development
/// demo's size), enough hemifacial spasm operations with a one-year outcome for the logistic model to
/// converge, where the 120 of <see cref="RegistryServer"/> are separated. Its snapshot is computed by
/// its own job server when the demo data are seeded, as in the main registry.
/// </summary>
public sealed class CounsellingRegistryServer() : RegistryServer(500);

[CollectionDefinition(Name)]
public sealed class CounsellingRegistryCollection : ICollectionFixture<CounsellingRegistryServer>, ICollectionFixture<Browser>
{
    public const string Name = "counselling registry";
}
