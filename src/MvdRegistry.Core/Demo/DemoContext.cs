using System.Globalization;
using MvdRegistry.Core.Bundle;

namespace MvdRegistry.Core.Demo;

/// <summary>What every faker shares: the one seeded random source, "today", the output and the key counters.</summary>
internal sealed class DemoContext(Random random, DateOnly today)
{
    private int _patients;
    private int _cases;
    private int _imaging;
    private int _followUps;
    private int _complications;

    public Random Random { get; } = random;
    public DateOnly Today { get; } = today;
    public RegistryData Data { get; } = new();
    /// <summary>Drawn per seed so that two demo registries do not share medical record numbers.</summary>
    public long MrnOffset { get; } = random.Next(10_000_000);

    // Zero-padded so that keys sort in creation order as text too.
    public string NextPatientId() => Key('P', ++_patients, "D7");
    public string NextCaseId() => Key('C', ++_cases, "D7");
    public string NextImagingId() => Key('I', ++_imaging, "D8");
    public string NextFollowUpId() => Key('F', ++_followUps, "D9");
    public string NextComplicationId() => Key('X', ++_complications, "D7");

    private static string Key(char prefix, int number, string digits) =>
        prefix + number.ToString(digits, CultureInfo.InvariantCulture);
}
