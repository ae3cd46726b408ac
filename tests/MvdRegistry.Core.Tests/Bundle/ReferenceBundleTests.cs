using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Tests.Support;

namespace MvdRegistry.Core.Tests.Bundle;

public class ReferenceBundleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void The_reference_registry_reads_without_errors_and_with_its_known_warnings()
    {
        var result = BundleReader.Read(SharedFolder.Reference("registry-small"), Today);

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Take(20)));
        Assert.Equal(408, result.Data.Patients.Count);
        Assert.Equal(433, result.Data.Operations.Count);
        Assert.Equal(495, result.Data.Imaging.Count);
        Assert.Equal(1761, result.Data.FollowUps.Count);
        Assert.Equal(103, result.Data.Complications.Count);
        Assert.Contains(result.Warnings, w => w.Column == "side" && w.Message.Contains("bilateral"));
        Assert.All(result.Data.Operations, o => Assert.NotNull(o.Patient));
    }
}
