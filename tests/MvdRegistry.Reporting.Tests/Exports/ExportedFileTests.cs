using System.Security.Cryptography;
using System.Text;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

public sealed class ExportedFileTests
{
    /// <summary>A file of several blocks and a part (the hash reads 1 MB at a time), and an empty one, against the whole file hashed at once.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((1 << 20) - 1)]
    [InlineData((5 << 19) + 7)]
    public void Of_hashes_every_byte_of_the_file(int length)
    {
        var path = Path.Combine(Path.GetTempPath(), $"exported-file-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);

            var file = ExportedFile.Of(path);

            Assert.Equal(path, file.Path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The folder's fingerprint is the SHA-256 of what <c>sha256sum *</c> prints in it: a line per file, by name, whatever the order given.</summary>
    [Fact]
    public void Manifest_is_the_hash_of_the_files_lines_by_name()
    {
        var a = new ExportedFile("/out/b.csv", new string('b', 64));
        var b = new ExportedFile("/out/a.csv", new string('a', 64));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{new string('a', 64)}  a.csv\n{new string('b', 64)}  b.csv\n")));

        Assert.Equal(expected, ExportedFile.Manifest([a, b]));
        Assert.Equal(expected, ExportedFile.Manifest([b, a]));
    }
}
