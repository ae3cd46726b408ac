using System.Text;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// One temporary file of an export, written once, then read from its start (again for each reading). The file loses its
/// name as soon as it is made: only its two open handles (one to write, one to read) keep it, and the system frees it
/// when they close, however the process ends. An export that is killed leaves no spill behind, with its dates.
/// </summary>
internal sealed class SpillFile(string? folder) : IDisposable
{
    private BinaryWriter? _writer;
    private FileStream? _read;

    public BinaryWriter Writer => _writer ??= Create();

    private BinaryWriter Create()
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"mvd-export-{Guid.NewGuid():N}.spill");
        var write = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
        try
        {
            _read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch
        {
            write.Dispose();
            throw;
        }
        finally
        {
            File.Delete(path);
        }
        return new BinaryWriter(write, Encoding.UTF8);
    }

    /// <summary>The file from its start; one reading at a time (each call starts the same handle again).</summary>
    public Reading Read()
    {
        if (_writer is null || _read is null) return new Reading(new MemoryStream());
        _writer.Flush();
        _read.Position = 0;
        return new Reading(_read);
    }

    /// <summary>A date as the spill files write it: its day number, <see cref="int.MinValue"/> for none.</summary>
    public static void Day(BinaryWriter w, DateOnly? date) => w.Write(date?.DayNumber ?? int.MinValue);

    /// <summary>A date written by <see cref="Day(BinaryWriter, DateOnly?)"/>.</summary>
    public static DateOnly? Day(BinaryReader r) => r.ReadInt32() is var day && day != int.MinValue ? DateOnly.FromDayNumber(day) : null;

    public void Dispose()
    {
        _writer?.Dispose();
        _read?.Dispose();
    }

    /// <summary>
    /// The file read from its start. Its length is taken once, when it is opened: the file is written in full by then,
    /// and asking the file system for it at every row (a FileStream's Length) cost a second of CPU at 100,000 patients.
    /// </summary>
    public sealed class Reading(Stream stream) : BinaryReader(stream, Encoding.UTF8, leaveOpen: true)
    {
        private readonly long _length = stream.Length;

        /// <summary>Whether anything is left to read.</summary>
        public bool More => BaseStream.Position < _length;
    }
}
