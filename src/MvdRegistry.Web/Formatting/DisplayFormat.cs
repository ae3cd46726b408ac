using System.Globalization;
using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Formatting;

/// <summary>How lists show values: ISO dates (as the dictionary and the bundle write them) and dictionary labels.</summary>
public static class DisplayFormat
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A moment in UTC as the pages show it: 2026-12-01 20:30 UTC.</summary>
    public static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The label of a variable, as the dictionary words it.</summary>
    public static string Label(string form, string variable) => DataDictionary.Instance.Get(form, variable).Label;

    /// <summary>The label of a code of a choice variable; the code itself when unknown, "" when null.</summary>
    public static string Choice(string form, string variable, string? code) =>
        code is null ? "" : DataDictionary.Instance.Get(form, variable).LabelOf(code);
}
