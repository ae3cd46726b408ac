using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// The real registry: the built web host started as its own process on a free 127.0.0.1 port, on a
/// fresh embedded SQLite database with demo data (120 patients unless a subclass asks for more) and
/// the local sign-in. Its first statistics snapshot is computed by its own job server from that
/// data. Stopped after the tests.
/// </summary>
public class RegistryServer : IAsyncLifetime
{
    private readonly int _demoPatients;

    public RegistryServer() : this(120) { }

    protected RegistryServer(int demoPatients) => _demoPatients = demoPatients;

    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-browser-").FullName;
    private Process? _process;
    private readonly List<string> _log = [];

    public string BaseUrl { get; private set; } = "";

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var project = Path.Combine(RepositoryRoot, "src", "MvdRegistry.Web");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "MvdRegistry.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Authentication__Mode"] = "Local";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Registry"] = $"Data Source={Path.Combine(_folder, "registry.db")}";
        start.Environment["Registry__DemoPatients"] = _demoPatients.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Files of jobs (the export test's download) in the throwaway folder, not in the source tree.
        start.Environment["Jobs__OutputFolder"] = Path.Combine(_folder, "jobs");
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web host");
        _process.OutputDataReceived += (_, e) => { lock (_log) if (e.Data is not null) _log.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) if (e.Data is not null) _log.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    await WarmUpAsync();
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the web host did not become healthy:\n" + string.Join("\n", Log()));
    }

    /// <summary>
    /// The sign-in page once before the first test: its first request builds what every page needs the first time (EF Core's
    /// model, the antiforgery keys), which on the 2-core machine took most of a test's 30-second wait once, in the first
    /// test of a filtered run against a host just started.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var response = await http.GetAsync(BaseUrl + "/Account/SignIn");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"the sign-in page answered {(int)response.StatusCode}:\n" + string.Join("\n", Log()));
    }

    public IReadOnlyList<string> Log()
    {
        lock (_log) return _log.ToList();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MvdRegistry.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MvdRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
