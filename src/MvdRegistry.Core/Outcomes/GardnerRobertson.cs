namespace MvdRegistry.Core.Outcomes;

/// <summary>Gardner-Robertson hearing class (I best .. V worst) from pure-tone average and speech discrimination.</summary>
public static class GardnerRobertson
{
    private static readonly string[] Classes = ["I", "II", "III", "IV", "V"];

    /// <returns>The worse of the two classes; null when either value is missing.</returns>
    public static string? Classify(decimal? ptaDb, int? sdsPct)
    {
        if (ptaDb is not { } pta || sdsPct is not { } sds) return null;
        return Classes[Math.Max(PtaRank(pta), SdsRank(sds))];
    }

    private static int PtaRank(decimal pta) => pta switch
    {
        <= 30m => 0,
        <= 50m => 1,
        <= 90m => 2,
        _ => 3,
    };

    private static int SdsRank(int sds) => sds switch
    {
        >= 70 => 0,
        >= 50 => 1,
        >= 5 => 2,
        >= 1 => 3,
        _ => 4,
    };
}
