namespace MvdRegistry.Application.Scheduling;

public static class Today
{
    /// <summary>The registry's "today": the local calendar date, as entry validation and the demo data use.</summary>
    public static DateOnly Of(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
