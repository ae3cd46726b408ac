using System.Globalization;
using Microsoft.Playwright;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// Fills an entry form the way a user does, finding each input by its name attribute (the data
/// dictionary's column). Playwright waits for each input to be visible and enabled, so a field that
/// applies.js shows only after an earlier answer is filled once it has appeared.
/// </summary>
public sealed class EntryForm(IPage page)
{
    public Task TypeAsync(string name, string value) => page.Locator($"[name='{name}']").FillAsync(value);

    public Task DateAsync(string name, DateOnly date) => TypeAsync(name, Iso(date));

    /// <summary>A choice: a select for long lists, radios for short ones and for yes/no.</summary>
    public async Task ChooseAsync(string name, string code)
    {
        var select = page.Locator($"select[name='{name}']");
        if (await select.CountAsync() > 0)
            await select.SelectOptionAsync(code);
        else
            await page.Locator($"input[type=radio][name='{name}'][value='{code}']").CheckAsync();
    }

    /// <summary>One box of a multi-choice variable, posted as variable___CODE.</summary>
    public Task TickAsync(string variable, string code) => page.Locator($"input[type=checkbox][name='{variable}___{code}']").CheckAsync();

    /// <summary>Clicks Save; the caller waits for what follows (the case page after a save, the same form with its errors after a refusal).</summary>
    public Task SaveAsync() => page.Locator("form.entry-form").GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

    public ILocator Field(string name) => page.Locator($"[name='{name}']");

    /// <summary>The row of a field, holding its label, input and messages.</summary>
    public ILocator Row(string name) => page.Locator($"#field-{name}");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
