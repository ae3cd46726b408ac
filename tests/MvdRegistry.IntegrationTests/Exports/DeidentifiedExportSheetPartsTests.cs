using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>
/// A registry whose sheets outgrow an xlsx sheet (Excel's 1,048,575 rows; here 100, through the request): each sheet continues
/// on the sheets after it, and the scripts read the parts back as one.
/// </summary>
public abstract partial class DeidentifiedExportTests<TDatabase>
{
    private const string Secret = "a-test-secret-of-more-than-thirty-two-characters";

    [Fact]
    public async Task A_sheet_over_the_row_limit_continues_on_the_sheets_after_it_and_the_scripts_read_them_as_one()
    {
        const int rowsPerSheet = 100;
        var whole = await ExportAsync(Out("whole.xlsx"));
        var path = Out("parts.xlsx");
        DeidentifiedExportResult result;
        await using (var db = Db())
            result = await new DeidentifiedExport(db, Secret).RunAsync(new DeidentifiedExportRequest(ExportFormat.Xlsx, path, new ExportFilter()) { RowsPerSheet = rowsPerSheet });
        var parts = ExportContents.ReadXlsx(path);

        Assert.True(whole.Rows("followups").Count > 10 * rowsPerSheet, "the follow-ups take more than ten sheets");
        var pseudonymColumns = whole.Rows("codebook").Where(e => e["type"] == "pseudonym").Select(e => (e["sheet"], e["column"])).ToHashSet();
        var expectedSheets = new List<string>();
        foreach (var (sheet, table) in whole.Sheets)
        {
            var count = Math.Max(1, (table.Count - 1 + rowsPerSheet - 1) / rowsPerSheet);
            var names = Enumerable.Range(1, count).Select(p => p == 1 ? sheet : $"{sheet}_{p}").ToList();
            expectedSheets.AddRange(names);
            Assert.All(names, name => Assert.True(parts.Sheets.ContainsKey(name), $"no sheet {name}"));
            Assert.All(names, name => Assert.Equal(table[0], parts.Sheets[name][0]));
            Assert.All(names.SkipLast(1), name => Assert.Equal(rowsPerSheet, parts.Sheets[name].Count - 1));
            // The same rows in the same order, the pseudonyms aside (each export has its own).
            var kept = table[0].Select((column, i) => (column, i)).Where(c => !pseudonymColumns.Contains((sheet, c.column))).Select(c => c.i).ToList();
            string Plain(string[] row) => string.Join('\t', kept.Select(i => i < row.Length ? row[i] : ""));
            Assert.Equal(table.Skip(1).Select(Plain), names.SelectMany(name => parts.Sheets[name].Skip(1)).Select(Plain));
            Assert.Equal(table.Count - 1, result.RowsPerSheet.Single(r => r.Key == sheet).Value);
        }
        Assert.Equal(expectedSheets.Order(StringComparer.Ordinal), parts.Sheets.Keys.Order(StringComparer.Ordinal));

        // Stata: the later parts of a sheet first, each kept in a temporary file, then the first part and the others appended in order.
        var stata = parts.OtherFiles["parts.read_export.do"];
        var followups = expectedSheets.Count(s => s.StartsWith("followups", StringComparison.Ordinal));
        var appended = string.Join(' ', Enumerable.Range(2, followups - 1).Select(p => $"`part{p}'"));
        Assert.Contains($"import excel using \"parts.xlsx\", sheet(\"followups\") firstrow case(preserve) allstring clear\nappend using {appended}\n", stata);
        Assert.Contains($"sheet(\"followups_{followups}\") firstrow case(preserve) allstring clear\ntempfile part{followups}\nsave `part{followups}'\n", stata);
        Assert.DoesNotContain($"followups_{followups + 1}", stata);

        AssertReferenceNumbers(await RScript.RunAsync(Path.ChangeExtension(path, ".read_export.R")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_048_576)]
    public async Task Rows_per_sheet_outside_1_to_Excel_s_1048575_are_refused_and_nothing_is_written(int rowsPerSheet)
    {
        var path = Out("refused.xlsx");
        await using var db = Db();
        var refused = await Assert.ThrowsAsync<ExportRefusedException>(() =>
            new DeidentifiedExport(db, Secret).RunAsync(new DeidentifiedExportRequest(ExportFormat.Xlsx, path, new ExportFilter()) { RowsPerSheet = rowsPerSheet }));
        Assert.Equal($"{rowsPerSheet} rows per sheet: a sheet holds 1 to 1,048,575", Assert.Single(refused.Problems));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}
