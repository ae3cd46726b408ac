using System.Text.RegularExpressions;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>What makes a form quick to fill in: its Tab stops, the confirmation after a save, the next visit.</summary>
public abstract partial class EntrySpeedTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Theory]
    [InlineData("/Cases/New")]
    [InlineData("/Cases/C1/Edit")]
    [InlineData("/Cases/C1/FollowUps/New")]
    [InlineData("/Cases/C1/Complications/New")]
    public async Task The_clear_buttons_of_radio_groups_are_out_of_the_tab_order_and_named_for_screen_readers(string url)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, url);

        var buttons = ClearButton().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Contains("tabindex=\"-1\"", b));
        Assert.All(buttons, b => Assert.Matches("aria-label=\"Clear [A-Z][^\"]+\"", b));
    }

    [GeneratedRegex("<button[^>]*field-clear[^>]*>")]
    private static partial Regex ClearButton();
}

public sealed class SqliteEntrySpeedTests(SqliteTestDatabase database) : EntrySpeedTests<SqliteTestDatabase>(database);

public sealed class PostgresEntrySpeedTests(PostgresTestDatabase database) : EntrySpeedTests<PostgresTestDatabase>(database);
