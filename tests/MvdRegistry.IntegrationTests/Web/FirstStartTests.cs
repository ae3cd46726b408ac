using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MvdRegistry.IntegrationTests.Web;

public sealed class FirstStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-web-").FullName;

    [Fact]
    public async Task The_web_host_creates_migrates_and_fills_the_embedded_database_and_answers_health()
    {
        var file = Path.Combine(_folder, "registry.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Database:Provider", "Sqlite")
            .UseSetting("ConnectionStrings:Registry", $"Data Source={file};Pooling=False")
            .UseSetting("Authentication:Mode", "Local")
            .UseSetting("Registry:DemoPatients", "25"));
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM patients";
        Assert.Equal(25L, await count.ExecuteScalarAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
