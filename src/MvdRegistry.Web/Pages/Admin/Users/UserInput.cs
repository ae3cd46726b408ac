using System.ComponentModel.DataAnnotations;

namespace MvdRegistry.Web.Pages.Admin.Users;

/// <summary>What an administrator may set on a user account: never bound onto the entity itself.</summary>
public sealed class UserInput
{
    [Display(Name = "Display name")]
    [Required(ErrorMessage = "A display name is required.")]
    [StringLength(200)]
    [TrustedText]
    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Sites { get; set; } = [];

    [Display(Name = "Surgeon code")]
    public string? SurgeonCode { get; set; }

    /// <summary>The account's version when the form was opened: a save from a stale form is refused.</summary>
    public int Version { get; set; }
}
