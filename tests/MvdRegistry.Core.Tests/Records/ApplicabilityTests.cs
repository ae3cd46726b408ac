using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>
/// A variable's applies_when (data-dictionary.csv) evaluated against its record and the operation's indication, and said in the
/// words a clinician reads after "applies only when": the labels below are the dictionary's own.
/// </summary>
public sealed class ApplicabilityTests
{
    private static Variable V(string form, string name) => DataDictionary.Instance.Get(form, name);

    [Theory]
    [InlineData("hfs_onset", "HFS", true)]
    [InlineData("hfs_onset", "TN", false)]
    [InlineData("hfs_onset", null, false)]
    [InlineData("tn_type", "TN", true)]
    [InlineData("tn_type", "GPN", false)]
    [InlineData("tn_type", "HFS", false)]
    [InlineData("medications_count", "TN", true)]
    [InlineData("medications_count", "GPN", true)]
    [InlineData("medications_count", "HFS", false)]
    [InlineData("redo", "HFS", true)]
    [InlineData("redo", null, true)]
    public void An_indication_rule_holds_for_its_indications_only(string variable, string? indication, bool holds) =>
        Assert.Equal(holds, Applicability.Holds(V(Forms.Case, variable), new Operation(), indication));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("unknown", false)]
    [InlineData(null, false)]
    public void An_equals_rule_holds_when_the_other_field_has_the_code(string? botoxPrior, bool holds) =>
        Assert.Equal(holds, Applicability.Holds(V(Forms.Case, "botox_cycles"), new Operation { BotoxPrior = botoxPrior }, "HFS"));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("uncertain", true)]
    [InlineData("no", false)]
    [InlineData(null, false)]
    public void An_equals_rule_with_several_codes_holds_for_any_of_them(string? nvc, bool holds) =>
        Assert.Equal(holds, Applicability.Holds(V(Forms.Imaging, "contact_site_img"), new ImagingStudy { NvcDetected = nvc }, "HFS"));

    [Theory]
    [InlineData("AICA", true)]
    [InlineData("VEIN", true)]
    [InlineData("NONE", false)]
    [InlineData(null, false)]
    public void A_not_equals_rule_holds_for_any_other_code_but_not_for_an_empty_field(string? vessel, bool holds) =>
        Assert.Equal(holds, Applicability.Holds(V(Forms.Case, "contact_site_op"), new Operation { VesselPrimary = vessel }, "HFS"));

    [Theory]
    [InlineData(Forms.Case, "hfs_onset", "the indication is hemifacial spasm")]
    [InlineData(Forms.Case, "tn_type", "the indication is trigeminal neuralgia")]
    [InlineData(Forms.Case, "medications_count", "the indication is trigeminal or glossopharyngeal neuralgia")]
    [InlineData(Forms.Case, "botox_cycles", "Botulinum toxin before surgery is Yes")]
    [InlineData(Forms.Case, "contact_site_op", "Main offending vessel at surgery is not No conflict found")]
    [InlineData(Forms.Imaging, "vessel_img", "Neurovascular conflict seen is Yes or Uncertain")]
    [InlineData(Forms.Imaging, "mri_sequence", "Modality is MRI")]
    [InlineData(Forms.Patient, "consent_withdrawn_date", "Consent is Withdrawn")]
    [InlineData(Forms.Complication, "hb_grade_worst", "Complication is Facial palsy")]
    public void A_rule_is_said_in_the_dictionarys_labels(string form, string variable, string words) =>
        Assert.Equal(words, Applicability.Describe(V(form, variable)));

    [Theory]
    [InlineData(Forms.Case, "hfs_onset", true)]
    [InlineData(Forms.Case, "tn_type", true)]
    [InlineData(Forms.Case, "medications_count", true)]
    [InlineData(Forms.Case, "redo", false)]
    [InlineData(Forms.Case, "botox_cycles", false)]
    [InlineData(Forms.FollowUp, "hfs_status", true)]
    public void Only_the_indication_rules_read_the_indication(string form, string variable, bool reads) =>
        Assert.Equal(reads, Applicability.ReadsIndication(V(form, variable)));
}
