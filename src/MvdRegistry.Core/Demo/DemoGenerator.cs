using MvdRegistry.Core.Bundle;

namespace MvdRegistry.Core.Demo;

/// <summary>
/// Synthetic but clinically plausible registry data for demonstrations, seeding and load tests:
/// six sites, HFS/TN/GPN operations with imaging, follow-up visits and complications at published
/// rates (DOMAIN.md). Every record obeys the data dictionary and the validator's rules.
/// </summary>
public static class DemoGenerator
{
    public const int MaxPatients = 9_999_999;

    /// <summary>
    /// Generates <paramref name="patients"/> patients with their operations. The same seed and
    /// <paramref name="today"/> always give the same data; nothing is dated after <paramref name="today"/>.
    /// Keys (P0000001, C0000001, I00000001, F000000001, X0000001) sort in creation order.
    /// </summary>
    public static RegistryData Generate(int patients, int seed, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patients);
        // Patient keys have seven digits, and MRNs are a bijection on seven-digit numbers: beyond that they would repeat.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(patients, MaxPatients);
        var context = new DemoContext(new Random(seed), today);
        // About 1.03 operations, 1.35 studies, 6-8 visits and 0.25 complications per patient:
        // sizing the lists up front avoids repeated regrowth of large arrays.
        var data = context.Data;
        data.Patients.Capacity = patients;
        data.Operations.Capacity = patients + patients / 25;
        data.Imaging.Capacity = patients * 3 / 2;
        data.FollowUps.Capacity = patients * 7;
        data.Complications.Capacity = patients / 3;
        for (var number = 1; number <= patients; number++) PatientFaker.Add(context, number);
        return data.Link();
    }
}
