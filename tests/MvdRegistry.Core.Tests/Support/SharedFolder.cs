namespace MvdRegistry.Core.Tests.Support;

/// <summary>Finds ../shared (beside the repository root) from wherever the tests run.</summary>
public static class SharedFolder
{
    public static string Root { get; } = Find();

    public static string Reference(string name) => Path.Combine(Root, "reference", name);

    public static string Design(string name) => Path.Combine(Root, "design", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MvdRegistry.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                if (Directory.Exists(shared)) return Path.GetFullPath(shared);
                throw new DirectoryNotFoundException($"expected the shared folder beside the repository at {shared}");
            }
        }
        throw new DirectoryNotFoundException("MvdRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
