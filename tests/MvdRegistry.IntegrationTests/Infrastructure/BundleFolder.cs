namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// A temporary copy of a CSV bundle that a test can spoil one cell, column or row at a time.
/// The reference files hold no quoted fields, so a plain split on commas is exact here.
/// </summary>
public sealed class BundleFolder : IDisposable
{
    private BundleFolder(string path) => Path = path;

    public string Path { get; }

    public static BundleFolder CopyOf(string source)
    {
        var folder = new BundleFolder(Directory.CreateTempSubdirectory("mvd-bundle-").FullName);
        foreach (var file in Directory.GetFiles(source, "*.csv"))
            File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Sets one cell of the row whose first column is <paramref name="key"/>; returns its line number.</summary>
    public int Set(string file, string key, string column, string value)
    {
        var lines = Read(file);
        var index = Header(lines).IndexOf(column);
        if (index < 0) throw new ArgumentException($"{file} has no column {column}");
        var row = lines.FindIndex(l => l.Split(',')[0] == key);
        if (row < 0) throw new ArgumentException($"{file} has no row {key}");
        var cells = lines[row].Split(',');
        cells[index] = value;
        lines[row] = string.Join(',', cells);
        Write(file, lines);
        return row + 1;
    }

    public string Get(string file, string key, string column)
    {
        var lines = Read(file);
        return lines.First(l => l.Split(',')[0] == key).Split(',')[Header(lines).IndexOf(column)];
    }

    public void RenameColumn(string file, string column, string newName)
    {
        var lines = Read(file);
        lines[0] = string.Join(',', Header(lines).Select(c => c == column ? newName : c));
        Write(file, lines);
    }

    public void DropColumn(string file, string column)
    {
        var lines = Read(file);
        var index = Header(lines).IndexOf(column);
        Write(file, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != index))).ToList());
    }

    /// <summary>Appends a copy of the row keyed <paramref name="key"/> with some cells changed; returns its line number.</summary>
    public int AppendCopy(string file, string key, params (string Column, string Value)[] changes)
    {
        var lines = Read(file);
        var header = Header(lines);
        var cells = lines.First(l => l.Split(',')[0] == key).Split(',');
        foreach (var (column, value) in changes) cells[header.IndexOf(column)] = value;
        lines.Add(string.Join(',', cells));
        Write(file, lines);
        return lines.Count;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private List<string> Read(string file) =>
        File.ReadAllText(System.IO.Path.Combine(Path, file)).Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();

    private void Write(string file, List<string> lines) =>
        File.WriteAllText(System.IO.Path.Combine(Path, file), string.Join("\r\n", lines) + "\r\n");

    private static List<string> Header(List<string> lines) => lines[0].Split(',').ToList();
}
