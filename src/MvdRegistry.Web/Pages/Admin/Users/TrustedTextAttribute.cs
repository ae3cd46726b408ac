using System.ComponentModel.DataAnnotations;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Pages.Admin.Users;

/// <summary>
/// The clinical records' text rules (Core's <see cref="TextRules"/>) for the account fields an
/// administrator types: no control or invisible character, no leading formula character.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TrustedTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (value is not string text || text.Length == 0) return ValidationResult.Success;
        var name = context.DisplayName;
        if (TextRules.ForbiddenCharacter(text) is { } problem) return new ValidationResult($"{name} {problem}.", [context.MemberName!]);
        return TextRules.StartsLikeFormula(text.Trim())
            ? new ValidationResult($"{name}: {TextRules.FormulaRule}.", [context.MemberName!])
            : ValidationResult.Success;
    }
}
