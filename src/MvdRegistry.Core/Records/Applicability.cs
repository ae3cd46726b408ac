using System.Collections.Concurrent;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Records;

/// <summary>Evaluates a variable's applies_when against its record and the operation's indication.</summary>
public static class Applicability
{
    public static bool Holds(Variable variable, RegistryRecord record, string? indication)
    {
        var rule = variable.AppliesWhen;
        switch (rule)
        {
            case "" or "all": return true;
            case "hfs": return indication == "HFS";
            case "tn": return indication == "TN";
            case "pain": return indication is "TN" or "GPN";
        }
        var (other, negated, codes) = Conditions.GetOrAdd(variable, Parse);
        var value = FieldAccess.Get(record, other) as string;
        return negated ? value is not null && !codes.Contains(value) : value is not null && codes.Contains(value);
    }

    /// <summary>Whether the rule reads the operation's indication (hfs, tn, pain), which is unknown for a record whose operation is missing.</summary>
    public static bool ReadsIndication(Variable variable) => variable.AppliesWhen is "hfs" or "tn" or "pain";

    /// <summary>Each variable's "other=code|code" or "other!=code" rule, parsed once.</summary>
    private static readonly ConcurrentDictionary<Variable, (Variable Other, bool Negated, string[] Codes)> Conditions =
        new(ReferenceEqualityComparer.Instance);

    private static readonly Func<Variable, (Variable, bool, string[])> Parse = variable =>
    {
        var rule = variable.AppliesWhen;
        var negated = rule.Contains("!=");
        var parts = rule.Split(negated ? "!=" : "=", 2);
        return (DataDictionary.Instance.Get(variable.Form, parts[0]), negated, parts[1].Split('|'));
    };

    /// <summary>The condition in words, for "applies only when ...".</summary>
    public static string Describe(Variable variable)
    {
        var rule = variable.AppliesWhen;
        return rule switch
        {
            "hfs" => "the indication is hemifacial spasm",
            "tn" => "the indication is trigeminal neuralgia",
            "pain" => "the indication is trigeminal or glossopharyngeal neuralgia",
            _ when rule.Contains("!=") => Condition(variable.Form, rule, "!=", "is not"),
            _ => Condition(variable.Form, rule, "=", "is"),
        };
    }

    /// <summary>"botox_prior=yes" in clinical words: "Botulinum toxin before surgery is Yes".</summary>
    private static string Condition(string form, string rule, string op, string verb)
    {
        var (name, codes) = (rule[..rule.IndexOf(op, StringComparison.Ordinal)], rule[(rule.IndexOf(op, StringComparison.Ordinal) + op.Length)..].Split('|'));
        if (DataDictionary.Instance.Find(form, name) is not { } other) return rule;
        return $"{other.Label} {verb} {string.Join(" or ", codes.Select(other.LabelOf))}";
    }
}
