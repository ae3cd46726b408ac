using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MvdRegistry.Web.Pages.Account;

public sealed class DeniedModel : PageModel;
