using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// The one font every chart writes with: DejaVu Sans (regular and bold), shipped inside this assembly
/// (Charts/Fonts, with its licence). ScottPlot draws no text at all when it finds no font, and a
/// machine with only .NET has none; so the charts never look for the machine's fonts.
/// </summary>
public static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Regular => Resolver.Value.Regular;

    public static SKTypeface Bold => Resolver.Value.Bold;

    /// <summary>Puts the shipped font first among ScottPlot's font resolvers and makes it the default; idempotent.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        ScottPlot.Fonts.FontResolvers.Insert(0, resolver);
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var name = "MvdRegistry.Reporting.Charts.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart font {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The chart font {name} could not be read.");
    }

    /// <summary>Answers only for <see cref="Family"/>: bold for bold or heavier requests, regular otherwise.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Regular { get; } = regular;

        public SKTypeface Bold { get; } = bold;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
