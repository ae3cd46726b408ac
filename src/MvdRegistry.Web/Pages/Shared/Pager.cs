namespace MvdRegistry.Web.Pages.Shared;

/// <summary>A list's page links: <see cref="Link"/> builds the URL of a page with the list's filters kept.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string?> Link)
{
    /// <summary>The pages linked around the current one (the first and last are always linked).</summary>
    public IEnumerable<int> Window(int around = 2) =>
        Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= around);
}
