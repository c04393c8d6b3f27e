using System.Diagnostics;
using System.Globalization;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// Runs <see cref="LegacyProbe"/> in a fresh copy of the guest with glibc's rseq registration off.
/// glibc reads the tunable once at process start, and a thread can have only one registration, so
/// a 32-byte area of the guest's own needs a process that glibc never registered.
/// </summary>
/// <remarks>
/// System.Diagnostics.Process rather than CliWrap: the guest is a small NativeAOT program without
/// package references, and this is its only child process that runs a program.
/// </remarks>
internal static class LegacyProbeLauncher
{
    /// <summary>The hidden option that makes the guest run the probe instead of the scenarios.</summary>
    public const string ProbeOption = "--internal-legacy-probe";

    const string TunablesVariable = "GLIBC_TUNABLES";
    const string RseqOff = "glibc.pthread.rseq=0";
    const string OwnExecutable = "/proc/self/exe";

    public static ProbeProcessRun Run(TimeSpan duration, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? OwnExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProbeOption);
        start.ArgumentList.Add("--seconds");
        start.ArgumentList.Add(duration.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        // Keep any tunables the guest was given; the last setting of a tunable wins.
        var tunables = Environment.GetEnvironmentVariable(TunablesVariable);
        start.Environment[TunablesVariable] = string.IsNullOrEmpty(tunables) ? RseqOff : $"{tunables}:{RseqOff}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the probe process did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            process.WaitForExit();
            return new ProbeProcessRun(null, output.Result, errors.Result);
        }
        process.WaitForExit(); // the parameterless wait also waits for the output to be read to its end
        return new ProbeProcessRun(process.ExitCode, output.Result, errors.Result);
    }
}
