using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Statistics;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// The reference registry's outcome reports that most tests read, written once per test run (xunit's collection fixture)
/// rather than once per process: Stryker runs each mutant's tests again in the same test host, and a report kept in a
/// static field from an earlier run would hide every mutant of the report's code.
/// </summary>
public sealed class ReportFilesFixture
{
    /// <summary>The whole reference registry, surgeons by pseudonym.</summary>
    public byte[] Whole { get; } = ReportFiles.Write(ReferenceSnapshot.Snapshot, ReportFiles.Scope(new StatisticsFilter()));

    /// <summary>The statistics of HOU's operations only.</summary>
    public RegistrySnapshot HouSnapshot { get; } =
        RegistryStatistics.Compute(ReferenceRegistry.Data.Patients.Where(p => p.SiteCode == "HOU"), ReferenceRegistry.AsOf);

    /// <summary>
    /// A site report: HOU's operations only. Written with the fixture, not on first use: Stryker runs a mutant with the tests it
    /// saw reach it, and a report written by whichever test came first would hide the mutant from the tests that read it.
    /// </summary>
    public byte[] Hou { get; }

    public ReportFilesFixture() =>
        Hou = ReportFiles.Write(HouSnapshot, ReportFiles.Scope(new StatisticsFilter { Sites = ["HOU"] }));
}

/// <summary>The test classes that read <see cref="ReportFilesFixture"/>'s reports.</summary>
[CollectionDefinition(Name)]
public sealed class ReportFilesCollection : ICollectionFixture<ReportFilesFixture>
{
    public const string Name = "Outcome reports of the reference registry";
}
