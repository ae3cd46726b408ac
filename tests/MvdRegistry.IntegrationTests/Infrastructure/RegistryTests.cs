using System.Net;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Entry;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The one base of the integration test classes: the class's <see cref="TestDatabase"/> fixture, reset
/// before each test and then filled by <see cref="SeedAsync"/>; its web host; and shortcuts to both.
/// Subclasses per provider pass <see cref="SqliteTestDatabase"/> or <see cref="PostgresTestDatabase"/>.
/// </summary>
public abstract class RegistryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    /// <summary>The web host on <see cref="Database"/>, shared by the tests of the class.</summary>
    protected RegistryWebFactory Web => Database.Web;

    public virtual async Task InitializeAsync()
    {
        await Database.ResetAsync();
        await SeedAsync();
    }

    /// <summary>The records every test of the class starts from; none unless overridden.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected RegistryDbContext Db() => Database.NewContext();

    protected Task<HttpClient> SignedInAsync(string user) => Database.SignedInAsync(user);

    protected static async Task<(string Html, HtmlForm Form)> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (html, HtmlForm.Parse(html));
    }

    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HtmlForm form) => client.PostAsync(url, form.Content());
}
