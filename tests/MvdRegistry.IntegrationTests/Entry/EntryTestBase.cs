using System.Net;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>The web host on a reset database holding <see cref="EntryRecords"/>; pages are fetched and posted as a browser does.</summary>
public abstract class EntryTestBase<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected RegistryWebFactory Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await using (var db = database.NewContext()) await EntryRecords.SeedAsync(db);
        Web = new RegistryWebFactory(database);
    }

    public async Task DisposeAsync() => await Web.DisposeAsync();

    protected RegistryDbContext Db() => database.NewContext();

    protected Task<HttpClient> SignedInAsync(string user) => Web.SignedInAsync(user);

    protected static async Task<(string Html, HtmlForm Form)> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (html, HtmlForm.Parse(html));
    }

    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HtmlForm form) => client.PostAsync(url, form.Content());
}
