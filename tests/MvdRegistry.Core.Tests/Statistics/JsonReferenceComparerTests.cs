using System.Text.Json.Nodes;

namespace MvdRegistry.Core.Tests.Statistics;

public class JsonReferenceComparerTests
{
    [Fact]
    public void The_reference_matches_itself()
    {
        Assert.Empty(JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), ReferenceRegistry.Expected()));
    }

    [Fact]
    public void A_count_one_higher_is_reported()
    {
        var perturbed = ReferenceRegistry.Expected();
        perturbed["population"]!["operations"] = perturbed["population"]!["operations"]!.GetValue<int>() + 1;

        var differences = JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), perturbed);

        Assert.Equal("population.operations", Assert.Single(differences).Split(':')[0]);
    }

    [Fact]
    public void A_float_off_by_a_relative_1e_4_is_reported()
    {
        var perturbed = ReferenceRegistry.Expected();
        var success = perturbed["benefit"]!["HFS"]!["success_1y"]!;
        success["lower"] = success["lower"]!.GetValue<double>() * (1 + 1e-4);

        var differences = JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), perturbed);

        Assert.Equal("benefit.HFS.success_1y.lower", Assert.Single(differences).Split(':')[0]);
    }

    [Fact]
    public void A_float_off_by_a_relative_1e_9_passes()
    {
        var perturbed = ReferenceRegistry.Expected();
        var success = perturbed["benefit"]!["HFS"]!["success_1y"]!;
        success["lower"] = success["lower"]!.GetValue<double>() * (1 + 1e-9);

        Assert.Empty(JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), perturbed));
    }

    [Fact]
    public void A_Kaplan_Meier_standard_error_is_held_to_1e_5_and_a_survival_to_1e_6()
    {
        var perturbed = ReferenceRegistry.Expected();
        var row = perturbed["kaplan_meier"]!["time_to_resolution"]!["table"]![0]!;
        row["std_err"] = row["std_err"]!.GetValue<double>() * (1 + 5e-6);
        row["surv"] = row["surv"]!.GetValue<double>() * (1 + 5e-6);

        var differences = JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), perturbed);

        Assert.Equal("kaplan_meier.time_to_resolution.table[time=1].surv", Assert.Single(differences).Split(':')[0]);
    }

    [Fact]
    public void A_missing_key_a_null_for_a_number_and_a_number_for_a_null_are_reported()
    {
        var perturbed = ReferenceRegistry.Expected();
        perturbed["logistic"]!.AsObject().Remove("aic");
        perturbed["benefit"]!["TN"]!["success_1y"]!["p"] = null;
        perturbed["kaplan_meier"]!["recurrence_free"]!["median"] = 100;

        var differences = JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), perturbed).Select(d => d.Split(':')[0]);

        Assert.Equal(["benefit.TN.success_1y.p", "kaplan_meier.recurrence_free.median", "logistic.aic"], differences.Order());
    }

    [Fact]
    public void Lists_of_objects_are_matched_by_their_natural_key_not_by_position()
    {
        var expected = JsonNode.Parse("""{"strata":[{"stratum":"sex","level":"F","operations":2},{"stratum":"sex","level":"M","operations":3}]}""");
        var reordered = JsonNode.Parse("""{"strata":[{"stratum":"sex","level":"M","operations":3},{"stratum":"sex","level":"F","operations":2}]}""");
        var swapped = JsonNode.Parse("""{"strata":[{"stratum":"sex","level":"M","operations":2},{"stratum":"sex","level":"F","operations":3}]}""");

        Assert.Empty(JsonReferenceComparer.Compare(expected, reordered));
        Assert.Equal(2, JsonReferenceComparer.Compare(expected, swapped).Count);
    }

    [Fact]
    public void Plain_lists_are_matched_by_position()
    {
        var expected = JsonNode.Parse("""{"n":[50,151]}""");
        var reversed = JsonNode.Parse("""{"n":[151,50]}""");

        Assert.Equal(2, JsonReferenceComparer.Compare(expected, reversed).Count);
    }

    [Fact]
    public void An_expected_zero_allows_only_an_absolute_1e_12()
    {
        var expected = JsonNode.Parse("""{"lower":0}""");

        Assert.Empty(JsonReferenceComparer.Compare(expected, JsonNode.Parse("""{"lower":1e-13}""")));
        Assert.Single(JsonReferenceComparer.Compare(expected, JsonNode.Parse("""{"lower":1e-11}""")));
    }
}
