using System.Text;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;

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
    public MemoryBundle Patients(params string[] rows) => Text(Forms.Patient, string.Join("\r\n", [Header(Forms.Patient), .. rows]) + "\r\n");

    public BundleReadResult Read(RegistryData? existing = null) =>
        BundleReader.Read(form => new MemoryStream(_files[form], writable: false), Today, existing);
}
