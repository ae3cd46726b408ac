using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>The analysis sheet derived from what the form sheets' rows left in <see cref="AnalysisSpill"/>, as the export does.</summary>
public abstract partial class DeidentifiedExportTests<TDatabase>
{
    [Fact]
    public async Task The_analysis_sheet_derives_from_the_form_sheets_rows_as_the_statistics_derive_the_whole_registry()
    {
        await using var db = Db();
        var query = new DeidentifiedQuery(db, new ExportFilter("HFS", ["HOU", "PIT"]));
        // The statistics' own load of the same operations, all at once.
        var whole = await MvdRegistry.Data.RegistryLoader.LoadForStatisticsAsync(db, query.Operations());
        var pseudonyms = new Pseudonyms("secret", new byte[32]);
        var expected = whole.Operations.OrderBy(o => o.CaseId, StringComparer.Ordinal)
            .Select(o => AnalysisColumns.Row(OutcomeDerivation.Derive(o), pseudonyms)).ToList();

        using var spill = new AnalysisSpill();
        foreach (var form in Forms.All)
            await foreach (var (record, context) in query.Rows(form, CancellationToken.None)) spill.Add(record, context);

        Assert.True(spill.Merges());
        var derived = spill.Outcomes().Select(o => AnalysisColumns.Row(o, pseudonyms)).ToList();
        Assert.True(expected.Count > 20);
        Assert.Contains(whole.Operations, o => o.FollowUps.Count > 0 && o.Complications.Count > 0 && o.Imaging.Count > 0);
        Assert.Contains(whole.Operations, o => o.Complications.Count > 0 && OutcomeDerivation.Derive(o).Major);
        Assert.Contains(whole.Operations, o => OutcomeDerivation.Derive(o).ImagingConcordant == true);
        Assert.Equal(expected.Count, derived.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], derived[i]);
    }
}
