using System.Buffers;
using System.Text;
using System.Text.Json;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Data.Auditing;

/// <summary>How one change of one record becomes audit rows; shared by SaveChanges and the bulk import.</summary>
public static class AuditRows
{
    public static AuditEntry Row(RegistryRecord record, AuditAction action, string user, DateTime at, string? reason,
        string? field = null, string? oldValue = null, string? newValue = null) => new()
    {
        At = at,
        User = user,
        Entity = FieldAccess.FormOf(record),
        Key = FieldAccess.Key(record),
        Action = action,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        Reason = reason,
    };

    /// <summary>An insert is one row holding every recorded value (a bulk import must not become one row per field).</summary>
    public static AuditEntry Insert(RegistryRecord record, string user, DateTime at, string? reason) =>
        Row(record, AuditAction.Insert, user, at, reason, newValue: Snapshot(record));

    /// <summary>
    /// A delete is one row holding every recorded value and, under <see cref="ImportedValues.CreatedAtKey"/>,
    /// the record's created_at: a record a bundle import inserted stays tied to its import's row once deleted.
    /// </summary>
    public static AuditEntry Delete(RegistryRecord record, string user, DateTime at, string? reason) =>
        Row(record, AuditAction.Delete, user, at, reason, oldValue: Snapshot(record, record.CreatedAt));

    /// <summary>
    /// The one row of a bundle import (<see cref="ImportedValues"/>): who, when (its key too), the folder as
    /// reason, and as JSON the folder and, per file, its SHA-256 and how many records it inserted, updated
    /// and left unchanged.
    /// </summary>
    public static AuditEntry Import(string user, DateTime at, string folder, IEnumerable<ImportedFile> files)
    {
        var json = JsonSerializer.Serialize(new { folder, files = files.ToList() }, ImportJson);
        return new AuditEntry
        {
            At = at, User = user, Entity = ImportedValues.Entity, Key = ImportedValues.KeyOf(at), Action = AuditAction.Import,
            NewValue = json, Reason = $"import of {folder}",
        };
    }

    /// <summary>The folder and files an import row holds.</summary>
    public static ImportedBundle ReadImport(AuditEntry row) =>
        JsonSerializer.Deserialize<ImportedBundle>(row.NewValue ?? "{}", ImportJson) ?? new ImportedBundle("", []);

    private static readonly JsonSerializerOptions ImportJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <summary>
    /// Every recorded value of a record, as one JSON object keyed by variable (as JsonSerializer writes a
    /// dictionary of them, escaping included), written straight into a reused buffer: the import writes a
    /// million of these.
    /// </summary>
    public static string Snapshot(RegistryRecord record, DateTime? createdAt = null)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var variable in DataDictionary.Instance.Form(FieldAccess.FormOf(record)))
        {
            var text = RecordCodec.Format(FieldAccess.Get(record, variable));
            if (text.Length > 0) writer.WriteString(variable.Name, text);
        }
        if (createdAt is { } created) writer.WriteString(ImportedValues.CreatedAtKey, ImportedValues.KeyOf(created));
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>One file of an import as its audit row lists it.</summary>
public sealed record ImportedFile(string File, string Sha256, int Inserted, int Updated, int Unchanged);

/// <summary>What an import row holds: the folder imported and its files.</summary>
public sealed record ImportedBundle(string Folder, List<ImportedFile> Files);
