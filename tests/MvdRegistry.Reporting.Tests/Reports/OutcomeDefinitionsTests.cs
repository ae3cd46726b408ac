using MvdRegistry.Core.Tests.Support;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>The Definitions sheet quotes OUTCOMES.md.</summary>
[Collection(ReportFilesCollection.Name)]
public class OutcomeDefinitionsTests(ReportFilesFixture files)
{
    [Fact]
    public void The_embedded_outcomes_md_is_the_shared_designs()
    {
        Assert.Equal(File.ReadAllText(SharedFolder.Design("OUTCOMES.md")).ReplaceLineEndings("\n"), OutcomeDefinitions.ReadResource().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Definitions_are_read_from_tables_lists_and_paragraphs_without_markdown_marks()
    {
        var entries = OutcomeDefinitions.Parse("""
            # Title
            Opening paragraph.

            ## Section one
            | variable | definition |
            | --- | --- |
            | `success_1y` | HFS: `status_1y` in {resolved} → 1 |

            - **transient**: `resolved = yes`;
            1. **Proportions**: count and
               the Wilson interval.
            A plain paragraph
            on two lines.
            """);

        Assert.Equal(
            [
                new OutcomeDefinition("", "", "Opening paragraph."),
                new OutcomeDefinition("Section one", "success_1y", "HFS: status_1y in {resolved} → 1"),
                new OutcomeDefinition("Section one", "transient", "resolved = yes;"),
                new OutcomeDefinition("Section one", "Proportions", "count and the Wilson interval. A plain paragraph on two lines."),
            ],
            entries);
    }

    [Fact]
    public void The_definitions_sheet_quotes_every_section_and_the_primary_endpoint()
    {
        using var file = new WorkbookFile(files.Whole);

        var row = file.Row("Definitions", 1, "success_1y");
        Assert.Equal("HFS: status_1y in {resolved, near_complete} → 1; TN/GPN: status_1y in {I, II, IIIa, IIIb} → 1; another status → 0; " +
                     "empty when status_1y is empty. This is the primary benefit endpoint", file.Text("Definitions", row, 2));
        foreach (var section in new[] { "Analysis population", "Derived variables, one per operation", "Complications", "Statistics" })
            file.Row("Definitions", 1, section);
        Assert.Equal("transient", file.Text("Definitions", file.Row("Definitions", 1, "transient"), 1));
        Assert.Contains("Wilson score interval", file.Text("Definitions", file.Row("Definitions", 1, "Proportions"), 2));
    }
}
