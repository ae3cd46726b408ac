using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MvdRegistry.Web.Pages;

/// <summary>
/// The page for a status code answered without a body (another site's record or a mistyped key is a
/// bare 404): Program.cs re-executes such a response here, so the user gets the registry's page
/// rather than the browser's own error. The original status code stays on the response.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a re-executed post arrives here still as a post; nothing is read from it
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = code ?? 0;
}
