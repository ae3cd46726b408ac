namespace MvdRegistry.Core.Demo;

/// <summary>A demo hospital: its share of the registry, its surgeons and the population it serves.</summary>
internal sealed record DemoSite(string Code, double Share, Mix<string> Surgeons, Mix<string> Ethnicity);

internal static class DemoSites
{
    // The senior surgeon of a unit operates most of its cases; the juniors the rest.
    private static readonly double[] SurgeonShares = [45, 30, 15, 10];

    // HFS is more frequent in Asian populations and the largest MVD series come from Korea and Japan:
    // the Asian sites carry the most volume.
    public static readonly DemoSite[] All =
    [
        Site("BCN", 12, 3, ("white", 86), ("hispanic", 5), ("asian", 3), ("black", 1), ("other", 3), ("unknown", 2)),
        Site("HOU", 15, 2, ("white", 45), ("hispanic", 25), ("black", 15), ("asian", 10), ("other", 2), ("unknown", 3)),
        Site("PIT", 20, 4, ("white", 80), ("black", 10), ("asian", 5), ("hispanic", 2), ("other", 1), ("unknown", 2)),
        Site("SEO", 25, 4, ("asian", 98), ("other", 1), ("unknown", 1)),
        Site("TOK", 17, 3, ("asian", 98), ("other", 1), ("unknown", 1)),
        Site("LYO", 11, 2, ("white", 84), ("black", 5), ("asian", 3), ("other", 5), ("unknown", 3)),
    ];

    private static readonly Mix<DemoSite> Volume = new(All.Select(s => (s, s.Share)).ToArray());

    public static DemoSite Pick(Random random) => Volume.Pick(random);

    private static DemoSite Site(string code, double share, int surgeons, params (string, double)[] ethnicity) =>
        new(code, share,
            new Mix<string>(Enumerable.Range(0, surgeons).Select(i => ($"{code}-S{i + 1}", SurgeonShares[i])).ToArray()),
            new Mix<string>(ethnicity));
}
