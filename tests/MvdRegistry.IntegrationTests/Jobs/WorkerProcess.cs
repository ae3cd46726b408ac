using System.Diagnostics;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// The real Worker (src/MvdRegistry.Worker as built) started as a process of its own, configured as an
/// operator would, through environment variables. It binds nothing (the Worker has no HTTP); it is
/// killed when disposed, whatever the test did.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the Worker with <paramref name="settings"/> (configuration keys such as <c>Jobs:Schema</c>).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var folder = Path.Combine(Paths.RepositoryRoot, "src", "MvdRegistry.Worker", "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, "MvdRegistry.Worker.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the Worker is not built: {dll} (build MvdRegistry.sln)", dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the Worker"));
    }

    /// <summary>Kills the process at once, as a lost machine would stop it: no shutdown, no cleanup.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>The last lines the Worker wrote, for a failure message.</summary>
    public string Tail(int lines = 30)
    {
        lock (_log) return string.Join("\n", _log.TakeLast(lines));
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log) _log.Add(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
