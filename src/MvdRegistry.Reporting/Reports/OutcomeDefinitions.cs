using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace MvdRegistry.Reporting.Reports;

/// <summary>One entry of OUTCOMES.md: its section, the term it defines (may be empty) and the definition in words.</summary>
public sealed record OutcomeDefinition(string Section, string Term, string Text);

/// <summary>
/// OUTCOMES.md (a copy of ../shared/design/OUTCOMES.md, embedded) read as the Definitions sheet quotes it:
/// the definitions tables' rows, each bullet and numbered item, and each paragraph, with the Markdown
/// marks taken off.
/// </summary>
public static partial class OutcomeDefinitions
{
    public const string ResourceName = "MvdRegistry.Reporting.Reports.OUTCOMES.md";

    private static readonly Lazy<IReadOnlyList<OutcomeDefinition>> Lazy = new(() => Parse(ReadResource()));

    public static IReadOnlyList<OutcomeDefinition> All => Lazy.Value;

    public static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<OutcomeDefinition> Parse(string markdown)
    {
        var entries = new List<OutcomeDefinition>();
        var section = "";
        var block = new StringBuilder();
        void Flush()
        {
            if (block.Length == 0) return;
            var text = Plain(block.ToString());
            block.Clear();
            var lead = LeadTerm().Match(text);
            entries.Add(lead.Success
                ? new OutcomeDefinition(section, lead.Groups[1].Value.Trim(), text[lead.Length..].Trim())
                : new OutcomeDefinition(section, "", text));
        }

        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("# ", StringComparison.Ordinal)) { Flush(); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); section = line[3..].Trim(); continue; }
            if (line.Length == 0) { Flush(); continue; }
            if (line.StartsWith('|'))
            {
                Flush();
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length < 2 || cells.All(c => c.Trim('-', ' ', ':').Length == 0) || cells[0] == "variable") continue;
                entries.Add(new OutcomeDefinition(section, Plain(cells[0]), Plain(string.Join(" | ", cells[1..]))));
                continue;
            }
            var item = Item().Match(line);
            if (item.Success)
            {
                Flush();
                block.Append(line[item.Length..]);
                continue;
            }
            if (block.Length > 0) block.Append(' ');
            block.Append(line.Trim());
        }
        Flush();
        return entries;
    }

    /// <summary>Without Markdown's code and emphasis marks; "**term**: text" keeps its bold term for <see cref="LeadTerm"/>.</summary>
    private static string Plain(string text) => Spaces().Replace(text.Replace("`", ""), " ").Trim();

    // "- ", "  - ", "1. ", "9. ": a list item.
    [GeneratedRegex(@"^\s*(?:[-*]|\d+\.)\s+")]
    private static partial Regex Item();

    // "**Proportions**: " or "**transient**: " at the start of an item: the term it defines.
    [GeneratedRegex(@"^\*\*([^*]+)\*\*:?\s*")]
    private static partial Regex LeadTerm();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Emphasis marks left inside a definition.</summary>
    public static string WithoutEmphasis(string text) => text.Replace("**", "").Replace("*", "");
}
