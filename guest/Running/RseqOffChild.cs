using System.Diagnostics;

namespace Guest.Running;

/// <summary>
/// Runs a fresh copy of the guest with glibc's rseq registration off. glibc reads the tunable once
/// at process start, and a thread can have only one registration, so an area of the guest's own
/// (legacy_cpu_id_start's 32 bytes, the _v2 scenarios' longer one) needs a process that glibc
/// never registered.
/// </summary>
/// <remarks>
/// System.Diagnostics.Process rather than CliWrap: the guest is a small NativeAOT program without
/// package references. Arguments go as a list, never through a shell.
/// </remarks>
internal static class RseqOffChild
{
    const string TunablesVariable = "GLIBC_TUNABLES";
    const string RseqOff = "glibc.pthread.rseq=0";
    const string OwnExecutable = "/proc/self/exe";

    public static ChildProcessRun Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? OwnExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Keep any tunables the guest was given; the last setting of a tunable wins.
        var tunables = Environment.GetEnvironmentVariable(TunablesVariable);
        start.Environment[TunablesVariable] = string.IsNullOrEmpty(tunables) ? RseqOff : $"{tunables}:{RseqOff}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the child process did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            process.WaitForExit();
            return new ChildProcessRun(null, output.Result, errors.Result);
        }
        process.WaitForExit(); // the parameterless wait also waits for the output to be read to its end
        return new ChildProcessRun(process.ExitCode, output.Result, errors.Result);
    }
}
