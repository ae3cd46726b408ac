using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Authorization;

/// <summary>Runs <see cref="AuthorizationMatrix"/> against the real application: every row, every caller.</summary>
public abstract partial class AuthorizationMatrixTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    [Fact]
    public async Task Every_page_and_endpoint_of_the_application_has_a_row_in_the_matrix()
    {
        var mapped = await AppEndpoints.ListAsync(Web.Services);
        var rows = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToList();

        var missing = mapped.Except(rows).ToList();
        var unknown = rows.Except(mapped).ToList();
        var twice = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(missing.Count == 0, "No row in AuthorizationMatrix for these endpoints; decide who may use each and add its row:\n  " + string.Join("\n  ", missing));
        Assert.True(unknown.Count == 0, "AuthorizationMatrix has rows for endpoints the application does not map:\n  " + string.Join("\n  ", unknown));
        Assert.True(twice.Count == 0, "AuthorizationMatrix has these rows twice:\n  " + string.Join("\n  ", twice));
    }

    [Fact]
    public async Task Every_caller_gets_the_outcome_the_matrix_gives_for_every_page_and_endpoint()
    {
        var failures = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var response = await SendAsync(row.Endpoint, caller);
                var outcome = Classify(response);
                if (outcome != row.For(caller))
                    failures.Add($"{row.Endpoint,-55} {caller,-13} expected {row.For(caller)}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(failures.Count == 0, "The application does not answer as AuthorizationMatrix says:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task No_page_or_endpoint_gives_a_researcher_or_an_anonymous_caller_an_identifier_or_an_exact_date()
    {
        var leaks = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var caller in new[] { Caller.Researcher, Caller.Anonymous })
            {
                var body = await (await SendAsync(row.Endpoint, caller)).Content.ReadAsStringAsync();
                leaks.AddRange(Identifying().Where(body.Contains).Select(value => $"{row.Endpoint} · {caller}: '{value}'"));
            }
        }

        Assert.True(leaks.Count == 0, "Identified data in responses to callers who must never see it:\n" + string.Join("\n", leaks));
    }

    /// <summary>The seeded MRNs, and every seeded date in the forms a page or a file might print it.</summary>
    private static IEnumerable<string> Identifying()
    {
        string[] dates = [BirthDate, SurgeryDate, "2024-02-01", "2024-04-05", "2024-03-06", "2024-05-01", "2024-03-08"];
        foreach (var text in dates)
        {
            var date = DateOnly.Parse(text);
            yield return text;
            yield return date.ToString("dd/MM/yyyy");
            yield return date.ToString("MM/dd/yyyy");
            yield return date.ToString("d MMM yyyy");
            yield return date.ToString("MMM d, yyyy");
        }
        yield return Mrn(Own);
        yield return Mrn(Other);
    }

    private async Task<HttpResponseMessage> SendAsync(string endpoint, Caller caller)
    {
        var (method, path) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
        var url = Fill(path, caller == Caller.SurgeonOther ? Other : Own);
        var client = caller switch
        {
            Caller.Anonymous => Web.Anonymous(),
            Caller.SurgeonOwn or Caller.SurgeonOther => await SignedInAsync(DemoUsers.SurgeonOf(Own)),
            Caller.Researcher => await SignedInAsync(DemoUsers.Researcher),
            _ => await SignedInAsync(DemoUsers.Administrator),
        };
        if (method == "GET") return await client.GetAsync(url);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        else
        {
            // A page post as a browser sends it: with the antiforgery token of a page this caller was served.
            var token = RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync("/Account/SignIn"));
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }
        return await client.SendAsync(request);
    }

    /// <summary>Route values from the seeded records of a site; {id} is the record the segment before it names.</summary>
    private static string Fill(string path, string site) => RouteValue().Replace(path, match =>
    {
        var before = path[..match.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return match.Groups[1].Value switch
        {
            "caseId" => CaseId(site),
            "patientId" => PatientId(site),
            "documentName" => "v1",
            "userName" => DemoUsers.SurgeonOf(site),
            "id" when segment == "imaging" => ImagingId(site),
            "id" when segment == "followups" => FollowupId(site),
            "id" when segment == "complications" => ComplicationId(site),
            var name => throw new InvalidOperationException($"no seeded value for route value {{{name}}} in {path}: add one to Fill"),
        };
    });

    private static Outcome Classify(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            var target = new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;
            return target.StartsWith("/Account/SignIn", StringComparison.Ordinal) ? Outcome.SignIn
                : target.StartsWith("/Account/Denied", StringComparison.Ordinal) ? Outcome.Denied
                : Outcome.Redirect;
        }
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.Created => Outcome.Created,
            HttpStatusCode.BadRequest => Outcome.Invalid,
            HttpStatusCode.Unauthorized => Outcome.Unauthorized,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            _ => Outcome.Other,
        };
    }

    [GeneratedRegex(@"\{\*?(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteValue();
}

public sealed class SqliteAuthorizationMatrixTests(SqliteTestDatabase database) : AuthorizationMatrixTests<SqliteTestDatabase>(database);

public sealed class PostgresAuthorizationMatrixTests(PostgresTestDatabase database) : AuthorizationMatrixTests<PostgresTestDatabase>(database);
