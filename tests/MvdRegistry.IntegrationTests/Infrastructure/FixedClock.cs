namespace MvdRegistry.IntegrationTests.Infrastructure;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
