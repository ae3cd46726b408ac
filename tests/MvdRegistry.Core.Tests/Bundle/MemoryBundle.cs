using System.Text;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>A bundle held in memory: every file starts as its header alone, and a test writes the bytes it needs.</summary>
public sealed class MemoryBundle
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    private readonly Dictionary<string, byte[]> _files = Forms.All.ToDictionary(f => f, f => Encoding.UTF8.GetBytes(Header(f) + "\r\n"));

    public static string Header(string form) => string.Join(',', DataDictionary.Instance.Columns(form));

    /// <summary>A valid patients.csv row (in the header's order), with some cells changed.</summary>
    public static string Patient(string id, string mrn, params (string Column, string Value)[] changes)
    {
        var cells = new Dictionary<string, string>
        {
            ["patient_id"] = id, ["site_code"] = "HOU", ["mrn"] = mrn, ["birth_date"] = "1970-01-01", ["sex"] = "F", ["consent_status"] = "consented",
        };
        foreach (var (column, value) in changes) cells[column] = value;
        return string.Join(',', DataDictionary.Instance.Columns(Forms.Patient).Select(c => cells.GetValueOrDefault(c, "")));
    }

    public MemoryBundle Text(string form, string text) => Bytes(form, Encoding.UTF8.GetBytes(text));

    public MemoryBundle Bytes(string form, byte[] bytes)
    {
        _files[form] = bytes;
        return this;
    }

    /// <summary>patients.csv as its header and these lines, CRLF.</summary>
    public MemoryBundle Patients(params string[] rows) => Rows(Forms.Patient, rows);

    /// <summary>A form's file as its header and these lines, CRLF.</summary>
    public MemoryBundle Rows(string form, params string[] rows) => Text(form, string.Join("\r\n", [Header(form), .. rows]) + "\r\n");

    /// <summary>Every record of <paramref name="data"/> as its file's lines (<see cref="Line"/>).</summary>
    public static MemoryBundle Of(RegistryData data)
    {
        var bundle = new MemoryBundle();
        foreach (var form in Forms.All)
            bundle.Rows(form, data.All().Where(r => FieldAccess.FormOf(r) == form).Select(r => Line(r)).ToArray());
        return bundle;
    }

    /// <summary>A record as its file's line, as RecordCodec writes it, in the header's order, with some cells changed.</summary>
    public static string Line(RegistryRecord record, params (string Column, string Value)[] changes)
    {
        var cells = RecordCodec.Write(record);
        foreach (var (column, value) in changes) cells[column] = value;
        return string.Join(',', DataDictionary.Instance.Columns(FieldAccess.FormOf(record)).Select(c => Quoted(cells[c])));
    }

    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public BundleReadResult Read(RegistryData? existing = null) =>
        BundleReader.Read(form => new MemoryStream(_files[form], writable: false), Today, existing);

    /// <summary>Both passes of the check itself (its site and surgeon codes, its file hashes), against <paramref name="registry"/>.</summary>
    public BundleCheck Check(RegistryFacts? registry = null)
    {
        var check = BundleCheck.Start(form => new MemoryStream(_files[form], writable: false), Today, registry ?? RegistryFacts.Empty);
        _ = check.Records().ToList();
        return check;
    }
}
