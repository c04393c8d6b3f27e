using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Harness.Tests.Reports;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol, for one test. Every process it
/// starts carries a marker in its environment, so disposing it can prove that none is left running
/// (the browser, its zygotes, renderers, crash handler), and kill any that is, also when the test failed.
/// </summary>
sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Debian's package installs it here (a wrapper script that execs the real binary).</summary>
    public const string Executable = "/usr/bin/chromium";

    const string MarkerVariable = "HARNESS_BROWSER_TEST";

    readonly string _marker = Guid.NewGuid().ToString("N");
    readonly string _profile = Directory.CreateTempSubdirectory("harness-chromium-").FullName;
    readonly StringBuilder _stderr = new();
    readonly CancellationTokenSource _kill = new();
    CommandTask<CommandResult>? _process;

    public DevToolsConnection Connection { get; private set; } = null!;

    /// <summary>What chromium printed on stderr, for a failure message.</summary>
    public string Stderr => _stderr.ToString();

    /// <summary>Processes of this browser still running after <see cref="DisposeAsync"/> (each was then killed).</summary>
    public IReadOnlyList<string> LeftRunning { get; private set; } = [];

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var browser = new HeadlessChromium();
        try
        {
            await browser.LaunchAsync(cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _process = Cli.Wrap(Executable)
            .WithArguments([
                "--headless", "--remote-debugging-port=0", $"--user-data-dir={_profile}",
                // CI runs as root, where chromium refuses its sandbox; the page is our own file.
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-crash-reporter", "--disable-breakpad", "about:blank",
            ])
            .WithEnvironmentVariables(variables => variables.Set(MarkerVariable, _marker))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(_stderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_kill.Token);
        // Chromium writes the port it chose (and the browser's path) into this file once it listens.
        var activePort = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!File.Exists(activePort) || File.ReadAllLines(activePort).Length < 2)
        {
            if (_process.Task.IsCompleted)
                throw new InvalidOperationException($"chromium exited before it listened: {Stderr}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"chromium did not open its DevTools port within 90 s: {Stderr}");
            await Task.Delay(100, cancellationToken);
        }
        var lines = File.ReadAllLines(activePort);
        Connection = await DevToolsConnection.OpenAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (Connection is not null)
            {
                // Asked to close, chromium ends every process of its own; killing is the fallback.
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await Connection.SendAsync("Browser.close", null, null, grace.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
                {
                    // Already gone or not answering: killed below.
                }
                await Connection.DisposeAsync();
            }
            if (await Task.WhenAny(_process.Task, Task.Delay(TimeSpan.FromSeconds(10))) != _process.Task)
                await _kill.CancelAsync();
            try
            {
                await _process;
            }
            catch (OperationCanceledException)
            {
                // Killed above.
            }
        }
        LeftRunning = KillLeftovers();
        _kill.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    /// <summary>Processes that carry this browser's marker, each killed; their names and pids.</summary>
    List<string> KillLeftovers()
    {
        var left = Processes();
        foreach (var (pid, _) in left)
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }
        return left.Select(p => $"{p.Name} (pid {p.Pid})").ToList();
    }

    /// <summary>This browser's processes running now, by name and pid.</summary>
    public IReadOnlyList<string> Running() => Processes().Select(p => $"{p.Name} (pid {p.Pid})").ToList();

    List<(int Pid, string Name)> Processes()
    {
        var marker = Encoding.UTF8.GetBytes($"{MarkerVariable}={_marker}\0");
        var found = new List<(int, string)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                if (File.ReadAllBytes(Path.Combine(folder, "environ")).AsSpan().IndexOf(marker) >= 0)
                    found.Add((pid, File.ReadAllText(Path.Combine(folder, "comm")).Trim()));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Ended while being read, or not ours to read: not one of ours.
            }
        }
        return found;
    }
}
