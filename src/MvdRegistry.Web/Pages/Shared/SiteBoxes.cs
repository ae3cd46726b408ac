namespace MvdRegistry.Web.Pages.Shared;

/// <summary>
/// A filter's sites as a box to tick for each (<c>_SiteBoxes.cshtml</c>), posted as repeated <paramref name="Name"/> values:
/// every site in sight, none hidden in a short list that needs Ctrl-click to choose two.
/// </summary>
/// <param name="Name">The form field the ticked sites post as.</param>
/// <param name="Legend">What the boxes choose, and what none ticked means.</param>
public sealed record SiteBoxes(string Name, string Legend, IReadOnlyList<string> Sites, IReadOnlyCollection<string> Ticked);
