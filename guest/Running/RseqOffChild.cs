using System.Diagnostics;
using System.Text;

namespace Guest.Running;

/// <summary>
/// A copy of the guest with glibc's rseq registration off. glibc reads the tunable once at process
/// start, and a thread can have only one registration, so an area of the guest's own
/// (legacy_cpu_id_start's 32 bytes, the _v2 scenarios' longer one) needs a process that glibc
/// never registered.
/// </summary>
/// <remarks>
/// <para>
/// Started at the first request and kept for the later ones (<see cref="RseqOffServer"/>): a start of
/// the NativeAOT guest cost 0.2 to 0.4 s under TCG, and a run of a 7.x kernel started four (the
/// legacy probe and the three _v2 scenarios). Sharing the process changes nothing a request checks:
/// each runs on a thread of its own that registers for itself, its threads have ended before the
/// next request starts, and the order is the run's, so a _v2 scenario finds the threads of the
/// scenarios before it gone, as its v1 twin does in the guest's own process. A child that dies (a
/// SIGSEGV from rseq, a crash) or outlives its timeout is reported for the request it was running,
/// as before, and the next request starts a new one.
/// </para>
/// <para>
/// System.Diagnostics.Process rather than CliWrap: the guest is a small NativeAOT program without
/// package references. Arguments go as a list, never through a shell.
/// </para>
/// </remarks>
internal sealed class RseqOffChild : IDisposable
{
    /// <summary>The hidden option that makes the guest serve requests on its standard input.</summary>
    public const string ServeOption = "--internal-rseq-off-child";

    const string TunablesVariable = "GLIBC_TUNABLES";
    const string RseqOff = "glibc.pthread.rseq=0";
    const string OwnExecutable = "/proc/self/exe";

    /// <summary>How long a child whose input closed may take to exit before it is killed.</summary>
    static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    Process? process;
    Task<string>? errors;

    /// <summary>Runs the guest with <paramref name="arguments"/> in the child and returns what it wrote.</summary>
    /// <returns>Exit code 0 when the child answered and lives on; its exit status when it died; null when it was killed at the timeout.</returns>
    public ChildProcessRun Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var child = process ??= Start();
        var output = new StringBuilder();
        try
        {
            child.StandardInput.WriteLine(RseqOffRequest.Format(arguments));
            child.StandardInput.Flush();
        }
        catch (IOException)
        {
            // It died since the last request: what it says about that comes from its exit status.
            return Ended(child, output);
        }
        while (true)
        {
            var read = child.StandardOutput.ReadLineAsync();
            var left = timeout - stopwatch.Elapsed;
            if (left < TimeSpan.Zero || !read.Wait(left))
                return Killed(child, output);
            var line = read.Result;
            if (line is null)
                return Ended(child, output);
            if (line == RseqOffRequest.AnswerEnd)
                return new ChildProcessRun(0, output.ToString(), "");
            output.Append(line).Append('\n');
        }
    }

    Process Start()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? OwnExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServeOption);
        // Keep any tunables the guest was given; the last setting of a tunable wins.
        var tunables = Environment.GetEnvironmentVariable(TunablesVariable);
        start.Environment[TunablesVariable] = string.IsNullOrEmpty(tunables) ? RseqOff : $"{tunables}:{RseqOff}";
        var started = Process.Start(start) ?? throw new InvalidOperationException("the child process did not start");
        errors = started.StandardError.ReadToEndAsync();
        return started;
    }

    ChildProcessRun Ended(Process child, StringBuilder output)
    {
        child.WaitForExit();
        var run = new ChildProcessRun(child.ExitCode, output.ToString(), errors!.Result);
        Forget(child);
        return run;
    }

    ChildProcessRun Killed(Process child, StringBuilder output)
    {
        Kill(child);
        child.WaitForExit();
        var run = new ChildProcessRun(null, output.ToString(), errors!.Result);
        Forget(child);
        return run;
    }

    void Forget(Process child)
    {
        child.Dispose();
        process = null;
        errors = null;
    }

    /// <summary>Closes the child's input, so it exits; kills it if it does not.</summary>
    public void Dispose()
    {
        if (process is not { } child)
            return;
        try
        {
            child.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        if (!child.WaitForExit(ExitTimeout))
        {
            Kill(child);
            child.WaitForExit();
        }
        Forget(child);
    }

    static void Kill(Process child)
    {
        try
        {
            child.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }
}
