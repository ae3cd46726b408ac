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
    public void A_heading_a_section_a_blank_line_and_a_table_row_each_end_the_paragraph_before_them()
    {
        var entries = OutcomeDefinitions.Parse("First.\n# Heading\nSecond.\n## Two\nThird.\n\nFourth.\n| `flag` | - |\n| a note in one cell |\nFifth.\r\nstill fifth.");

        Assert.Equal(
            [
                new OutcomeDefinition("", "", "First."),
                new OutcomeDefinition("", "", "Second."),
                new OutcomeDefinition("Two", "", "Third."),
                new OutcomeDefinition("Two", "", "Fourth."),
                new OutcomeDefinition("Two", "flag", "-"),
                new OutcomeDefinition("Two", "", "Fifth. still fifth."),
            ],
            entries);
    }

    [Fact]
    public void A_definitions_emphasis_marks_are_left_out()
    {
        Assert.Equal("a bold and an italic word", OutcomeDefinitions.WithoutEmphasis("a **bold** and an *italic* word"));
    }

    [Fact]
    public void The_definitions_sheet_starts_at_the_first_section_and_puts_an_empty_row_before_each_next_one()
    {
        using var file = new WorkbookFile(files.Whole);
        const string sheet = "Definitions";
        var sections = OutcomeDefinitions.All.Select(e => e.Section).Where(s => s.Length > 0).Distinct().ToArray();

        Assert.Equal(["Term", "Definition"], file.Across(sheet, 4, 1, 2));
        Assert.Equal((sections[0], true), (file.Text(sheet, 5, 1), file.Bold(sheet, 5, 1)));
        Assert.True(sections.Length >= 4);
        foreach (var section in sections.Skip(1))
        {
            var row = file.Row(sheet, 1, section);
            Assert.Equal((section, "", "", true), (section, file.Text(sheet, row - 1, 1), file.Text(sheet, row - 1, 2), file.Bold(sheet, row + 1, 1)));
        }
        Assert.DoesNotContain(file.Down(sheet, 5, 2, 200), t => t.Contains("**", StringComparison.Ordinal));
        // The wrapped width, as ClosedXML writes it (with its padding of under a character).
        Assert.InRange(file.Width(sheet, 2)!.Value, DefinitionsSheet.DefinitionWidth, DefinitionsSheet.DefinitionWidth + 1);
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
