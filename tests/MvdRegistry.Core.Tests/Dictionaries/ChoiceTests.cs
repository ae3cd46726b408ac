using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Tests.Dictionaries;

/// <summary>Choices as the data dictionary and the export's codebook write them: "code=label|code=label".</summary>
public class ChoiceTests
{
    [Fact]
    public void Choices_are_written_code_equals_label_separated_by_bars_and_read_back()
    {
        Choice[] choices = [new("HFS", "Hemifacial spasm"), new("x", "a=b")];

        Assert.Equal("HFS=Hemifacial spasm|x=a=b", Choice.Format(choices));
        Assert.Equal(choices, Choice.Parse("HFS=Hemifacial spasm|x=a=b"));
        Assert.Empty(Choice.Parse(""));
        Assert.Equal("", Choice.Format([]));
    }

    [Fact]
    public void The_dictionary_reads_a_variables_choices_in_their_order()
    {
        var indication = DataDictionary.Instance.Get(Forms.Case, "indication").Choices;

        Assert.Equal(["HFS", "TN", "GPN", "OTHER"], indication.Select(c => c.Code));
        Assert.Equal("Hemifacial spasm", indication[0].Label);
    }

    [Fact]
    public void A_code_is_labelled_by_its_choice_and_a_code_the_variable_does_not_have_by_itself()
    {
        var indication = DataDictionary.Instance.Get(Forms.Case, "indication");

        Assert.Equal("Hemifacial spasm", indication.LabelOf("HFS"));
        Assert.Equal("Trigeminal neuralgia", indication.LabelOf("TN"));
        Assert.Equal("XYZ", indication.LabelOf("XYZ"));
        Assert.True(indication.HasCode("GPN"));
        Assert.False(indication.HasCode("gpn"));
    }

    [Fact]
    public void A_yes_no_variable_answers_yes_no_or_unknown_labelled_in_words_and_lists_no_choices_of_its_own()
    {
        var redo = DataDictionary.Instance.Get(Forms.Case, "redo");

        Assert.Empty(redo.Choices);
        Assert.Equal(["yes", "no", "unknown"], redo.Answers.Select(c => c.Code));
        Assert.Equal("Yes", redo.LabelOf("yes"));
        Assert.Equal("Unknown", redo.LabelOf("unknown"));
        Assert.Equal("maybe", redo.LabelOf("maybe"));
        Assert.Same(DataDictionary.Instance.Get(Forms.Case, "indication").Choices, DataDictionary.Instance.Get(Forms.Case, "indication").Answers);
    }
}
