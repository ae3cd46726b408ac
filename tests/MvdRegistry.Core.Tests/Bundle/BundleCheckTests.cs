using System.Text;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>The two passes read the files twice: a file that changes in between is refused, not half trusted.</summary>
public sealed class BundleCheckTests
{
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static BundleReadResult CheckTwice(string first, string second)
    {
        var opened = 0;
        Stream Open(string form)
        {
            if (form != Forms.Patient) return Text(MemoryBundle.Header(form) + "\r\n");
            opened++;
            return Text(MemoryBundle.Header(Forms.Patient) + "\r\n" + (opened == 1 ? first : second));
        }
        var check = BundleCheck.Start(Open, MemoryBundle.Today, RegistryFacts.Empty);
        _ = check.Records().ToList();
        return check.Result();
    }

    [Fact]
    public void A_value_that_turns_bad_between_the_passes_is_refused()
    {
        var result = CheckTwice(MemoryBundle.Patient("P1", "HOU1") + "\r\n", MemoryBundle.Patient("P1", "HOU1", ("sex", "X")) + "\r\n");

        Assert.Equal(["patients.csv:2: the file changed while it was being imported: import it again"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_value_that_turns_into_another_good_value_between_the_passes_is_refused()
    {
        var result = CheckTwice(MemoryBundle.Patient("P1", "HOU1") + "\r\n", MemoryBundle.Patient("P1", "HOU1", ("sex", "M")) + "\r\n");

        Assert.Equal(["patients.csv:0: the file changed while it was being imported: import it again"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_row_that_disappears_between_the_passes_is_refused()
    {
        var result = CheckTwice(MemoryBundle.Patient("P1", "HOU1") + "\r\n" + MemoryBundle.Patient("P2", "HOU2") + "\r\n", MemoryBundle.Patient("P1", "HOU1") + "\r\n");

        Assert.Equal(["patients.csv:0: the file changed while it was being imported: import it again"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_unchanged_bundle_is_read_once_per_pass_without_problems()
    {
        var row = MemoryBundle.Patient("P1", "HOU1") + "\r\n";

        Assert.Empty(CheckTwice(row, row).Problems);
    }
}
