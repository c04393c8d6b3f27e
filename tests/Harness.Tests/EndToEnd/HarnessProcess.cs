using CliWrap;
using CliWrap.Buffered;
using Harness.Prerequisites;

namespace Harness.Tests.EndToEnd;

/// <summary>Runs the harness CLI as a user would: its own process, from the checkout, reading its exit status and output.</summary>
static class HarnessProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static string RepositoryRoot => TestPaths.RepositoryRoot;

    static string HarnessDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "harness.dll");

    // dotnet test tells its children where the host is; a test may empty PATH, so the host is called by its full path.
    static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : PathSearch.Find("dotnet") ?? throw new InvalidOperationException("dotnet not found");

    /// <summary>Starts the harness and returns its process id and the task that ends with its exit status.</summary>
    /// <remarks>
    /// Started through <c>env --default-signal=INT</c>, which execs the harness in the same process
    /// with SIGINT back at its default: a test run started in the background by a non-interactive
    /// shell (CI scripts do) inherits SIGINT ignored, the harness keeps that as a Unix program
    /// should, and a test that sends it Ctrl-C would see nothing happen.
    /// </remarks>
    public static (int ProcessId, Task<int> Exit) Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var command = Command(arguments, environment);
        var task = command
            .WithTargetFile(PathSearch.Find("env") ?? "/usr/bin/env")
            .WithArguments(args => args.Add("--default-signal=INT").Add(Dotnet).Add(HarnessDll).Add(arguments))
            .ExecuteAsync();
        return (task.ProcessId, WaitAsync(task));

        static async Task<int> WaitAsync(CommandTask<CommandResult> task) => (await task).ExitCode;
    }

    static Command Command(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment) =>
        Cli.Wrap(Dotnet)
            .WithArguments(args => args.Add(HarnessDll).Add(arguments))
            .WithWorkingDirectory(RepositoryRoot)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
                    env.Set(name, value);
            })
            .WithValidation(CommandResultValidation.None);

    public static async Task<Outcome> RunAsync(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        var result = await Command(arguments, environment).ExecuteBufferedAsync(cancellation.Token);
        return new Outcome(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
