using Microsoft.EntityFrameworkCore;
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
        using var query = new DeidentifiedQuery(db, new ExportFilter("HFS", ["HOU", "PIT"]));
        // Two visits whose keys interleave the operations' order: the first operation's visit sorts after every
        // key, the second's before every key. Read in key order, the follow-ups would not come grouped by operation.
        var (first, second) = await query.Operations().OrderBy(o => o.CaseId).Select(o => o.CaseId).Take(2).ToListAsync() switch { var k => (k[0], k[1]) };
        var template = await db.FollowUps.AsNoTracking().OrderBy(f => f.FollowupId).FirstAsync(f => f.CaseId == first);
        db.FollowUps.Add(Copy(template, "F999999999", first));
        db.FollowUps.Add(Copy(template, "F000000000", second));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        // The statistics' own load of the same operations, all at once.
        var whole = await MvdRegistry.Data.RegistryLoader.LoadForStatisticsAsync(db, query.Operations());
        var pseudonyms = new Pseudonyms("secret", new byte[32]);
        var expected = whole.Operations.OrderBy(o => o.CaseId, StringComparer.Ordinal)
            .Select(o => AnalysisColumns.Row(OutcomeDerivation.Derive(o), AnalysisKeys.Of(o, pseudonyms))).ToList();

        using var spill = new AnalysisSpill(pseudonyms);
        foreach (var form in Forms.All)
            await foreach (var (record, context) in query.Rows(form, CancellationToken.None)) spill.Add(record, context);

        var derived = spill.Outcomes().Select(o => AnalysisColumns.Row(o.Outcome, o.Keys)).ToList();
        Assert.True(expected.Count > 20);
        Assert.Contains(whole.Operations, o => o.FollowUps.Count > 0 && o.Complications.Count > 0 && o.Imaging.Count > 0);
        Assert.Contains(whole.Operations, o => o.Complications.Count > 0 && OutcomeDerivation.Derive(o).Major);
        Assert.Contains(whole.Operations, o => OutcomeDerivation.Derive(o).ImagingConcordant == true);
        Assert.Equal(expected.Count, derived.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], derived[i]);
    }

    private static MvdRegistry.Core.Model.FollowUp Copy(MvdRegistry.Core.Model.FollowUp visit, string key, string caseId) => new()
    {
        FollowupId = key, CaseId = caseId, VisitDate = visit.VisitDate, ContactMode = visit.ContactMode, HfsStatus = visit.HfsStatus, BniPain = visit.BniPain,
    };
}
