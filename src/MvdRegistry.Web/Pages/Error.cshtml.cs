using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MvdRegistry.Web.Pages;

/// <summary>
/// Outside Development, the page an unhandled error of a page shows, whatever the request's method (the
/// handler re-executes a failed POST as a POST). It does not claim that nothing was saved: it cannot know.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The reference under which the error was logged.</summary>
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
