namespace MvdRegistry.IntegrationTests.Infrastructure;

public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared beside the repository: the design notes and the reference registries.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string ReferenceSmall => Path.Combine(Shared, "reference", "registry-small");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MvdRegistry.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MvdRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
