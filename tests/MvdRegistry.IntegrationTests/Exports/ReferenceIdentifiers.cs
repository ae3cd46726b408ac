using System.Globalization;
using MvdRegistry.IntegrationTests.Infrastructure;
using Sylvan.Data.Csv;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>
/// What no de-identified export may hold, read straight from the reference registry's files (the data
/// the tests import): every MRN, registry key and surgeon code, and every date (birth, surgery, visit,
/// imaging, discharge, complication, withdrawal) in the ways a date can be written, Excel's serial
/// number included.
/// </summary>
public sealed class ReferenceIdentifiers
{
    private static readonly string[] TextColumns =
        ["mrn", "patient_id", "case_id", "imaging_id", "followup_id", "complication_id", "surgeon_code"];

    /// <summary>Texts no cell may contain (compared without regard to case).</summary>
    public HashSet<string> Texts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The dates' Excel serial numbers, which no number cell may equal.</summary>
    public HashSet<string> Serials { get; } = [];

    public int Dates { get; private set; }

    private int[]? _lengths;

    public static ReferenceIdentifiers Load()
    {
        var found = new ReferenceIdentifiers();
        foreach (var file in Directory.GetFiles(Paths.ReferenceSmall, "*.csv"))
        {
            using var csv = CsvDataReader.Create(file);
            var columns = Enumerable.Range(0, csv.FieldCount).Select(i => (i, name: csv.GetName(i))).ToArray();
            while (csv.Read())
            {
                foreach (var (i, name) in columns)
                {
                    var value = csv.GetString(i);
                    if (value.Length == 0) continue;
                    if (TextColumns.Contains(name)) found.Texts.Add(value);
                    else if (name.EndsWith("_date", StringComparison.Ordinal)) found.AddDate(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }
        }
        return found;
    }

    private void AddDate(DateOnly date)
    {
        Dates++;
        foreach (var format in new[] { "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "yyyyMMdd", "dd.MM.yyyy", "yyyy/MM/dd" })
            Texts.Add(date.ToString(format, CultureInfo.InvariantCulture));
        Serials.Add((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The identifiers found in <paramref name="text"/>: every substring is looked up, one length at a time.</summary>
    public IEnumerable<string> FoundIn(string text)
    {
        _lengths ??= Texts.Select(t => t.Length).Distinct().ToArray();
        foreach (var length in _lengths)
            for (var start = 0; start + length <= text.Length; start++)
                if (Texts.TryGetValue(text.Substring(start, length), out var found)) yield return found;
    }
}
