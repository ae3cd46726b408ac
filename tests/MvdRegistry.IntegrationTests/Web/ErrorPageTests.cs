using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>
/// Outside Development, a page's server error shows the error page. After a failed POST it must not
/// claim that nothing was saved (it cannot know), and it gives the reference the error was logged under.
/// </summary>
public sealed partial class ErrorPageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-error-").FullName;

    [Fact]
    public async Task A_failed_save_shows_an_error_page_that_tells_the_truth_with_its_reference()
    {
        var file = Path.Combine(_folder, "registry.db");
        await using var host = DeployedHost.Create("Staging", file, DeployedHost.EntraId, web => web.WithTestSignIn());
        // HTTPS, as behind the deployment's TLS proxy: the antiforgery cookie is Secure.
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(DeployedHost.UserHeader, "admin");
        client.DefaultRequestHeaders.Add(DeployedHost.RoleHeader, "Administrator");
        var connection = $"Data Source={file};Pooling=False";
        await using (var db = new SqliteRegistryDbContext(RegistryDatabase.Options<SqliteRegistryDbContext>(o => o.UseSqlite(connection), new FixedUser("test"))))
        {
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").DemoUsers().SaveAsync(db);
        }
        var form = await client.GetStringAsync("/Admin/Users/New");
        // The save fails in the database, after the page has accepted the input.
        await using (var sqlite = new SqliteConnection(connection))
        {
            await sqlite.OpenAsync();
            await using var drop = sqlite.CreateCommand();
            drop.CommandText = "DROP TABLE audit_log";
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.PostAsync("/Admin/Users/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "nurse@hou.example",
            ["Input.DisplayName"] = "Research nurse",
            ["Input.Roles"] = "Researcher",
            ["__RequestVerificationToken"] = RegistryWebFactory.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("If you were saving, the change may or may not have been kept: open the record to see whether it was before you enter it again.", page);
        Assert.Matches(Reference(), page);
        Assert.DoesNotContain("Nothing you typed was saved", page);
        Assert.DoesNotContain("audit_log", page);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("The error was logged as 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]: give this reference to your administrator.")]
    private static partial Regex Reference();
}
