using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// What a page built on statistics snapshots says about the one it shows: its stamp, that the data
/// changed since, the run computing a new one, or "Compute now" (posted to <paramref name="Page"/>).
/// </summary>
public sealed record SnapshotStatus(StatisticsSnapshot? Stored, bool Changed, JobRun? Pending, StatisticsFilter Filter, string Page, string NoneText);
