using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Core.Tests.Statistics;

public class FunnelTests
{
    [Fact]
    public void Control_limits_are_the_normal_approximation_around_the_registry_rate()
    {
        // p0 = 0.04, n = 100: sqrt(0.04 * 0.96 / 100) = 0.0195959; times 1.959964 = 0.0384073.
        var (lower, upper) = FunnelSection.ControlLimits(0.04, 100, Z.Z95);

        Assert.Equal(0.00159270658915753, lower, 1e-12);
        Assert.Equal(0.0784072934108425, upper, 1e-12);
    }

    [Fact]
    public void Control_limits_are_cut_at_zero()
    {
        // 3.090232 * 0.0195959 = 0.0605559 exceeds p0 = 0.04, so the lower limit is cut to 0.
        var (lower, upper) = FunnelSection.ControlLimits(0.04, 100, Z.Z998);

        Assert.Equal(0, lower);
        Assert.Equal(0.100555938694202, upper, 1e-12);
    }
}
