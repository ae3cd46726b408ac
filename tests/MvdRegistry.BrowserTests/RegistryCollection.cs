namespace MvdRegistry.BrowserTests;

/// <summary>One server and one browser for all browser tests: each test opens its own context (cookies).</summary>
[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryServer>, ICollectionFixture<Browser>
{
    public const string Name = "registry";
}
