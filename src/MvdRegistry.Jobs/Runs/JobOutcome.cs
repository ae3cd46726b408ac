namespace MvdRegistry.Jobs.Runs;

/// <summary>What a finished job reports: how many rows it worked through and what it produced.</summary>
public sealed record JobOutcome(int? Rows, string? Output);
