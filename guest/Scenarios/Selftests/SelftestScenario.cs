using System.Diagnostics;
using Protocol;

namespace Guest.Scenarios.Selftests;

/// <summary>
/// One program of the kernel's own tools/testing/selftests/rseq, run as a child process after the
/// guest's scenarios: a second opinion from the kernel's suite in the same KTAP stream.
/// </summary>
/// <remarks>
/// The selftests register rseq themselves, which fails while glibc holds the thread's registration,
/// so they run with glibc's registration switched off through its tunable, as their own
/// run_*.sh scripts do. System.Diagnostics.Process for the same reason as LegacyProbeLauncher.
/// </remarks>
internal sealed class SelftestScenario(string programPath, TimeSpan timeout, IReadOnlyList<string>? arguments = null, string? name = null) : IScenario
{
    const string TunablesVariable = "GLIBC_TUNABLES";
    const string RseqOff = "glibc.pthread.rseq=0";

    public string Name { get; } = ScenarioNames.SelftestPrefix + (name ?? Path.GetFileName(programPath));

    /// <summary>The runs <see cref="SelftestPlan"/> picks at this depth from the regular files of <paramref name="folder"/>; none when the folder is absent.</summary>
    public static IReadOnlyList<IScenario> AllIn(string folder, StressDepth depth) =>
        Directory.Exists(folder)
            ? SelftestPlan.For(Directory.GetFiles(folder).Select(path => Path.GetFileName(path)).ToList(), depth)
                .Select(run => (IScenario)new SelftestScenario(Path.Combine(folder, run.Program), run.Budget, run.Arguments, run.Name))
                .ToList()
            : [];

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var start = new ProcessStartInfo(programPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Some selftests open files beside themselves (./settings); run them where they live.
            WorkingDirectory = Path.GetDirectoryName(programPath) ?? "/",
        };
        foreach (var argument in arguments ?? [])
            start.ArgumentList.Add(argument);
        start.Environment[TunablesVariable] = RseqOff;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{programPath} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return SelftestVerdict.TimedOut(timeout, output.Result + errors.Result);
        }
        process.WaitForExit();
        return SelftestVerdict.Judge(process.ExitCode, output.Result, errors.Result, clock.Elapsed);
    }
}
