namespace Guest.Forking;

/// <summary>How a forked child ended, decoded from its wait status.</summary>
/// <param name="ExitCode">The child's exit status when it exited; -1 when it was killed or could not be reaped.</param>
/// <param name="Signal">The signal that killed it; 0 when it exited.</param>
internal readonly record struct ChildExit(int ExitCode, int Signal)
{
    /// <summary>
    /// The kernel's own kill for an rseq violation: rseq_ip_fixup and the signature check end the task
    /// with SIGSEGV (force_sigsegv) when its critical section or abort signature is invalid.
    /// </summary>
    public const int SignalSegv = 11;

    /// <summary>What the watchdog sends a child that outlived its deadline.</summary>
    public const int SignalKill = 9;

    /// <summary>waitpid did not return the child's status.</summary>
    public static ChildExit Unknown { get; } = new(-1, 0);

    public bool IsClean => Signal == 0 && ExitCode == 0;

    public bool IsKilledBySegv => Signal == SignalSegv;

    /// <summary>WIFEXITED, WEXITSTATUS and WTERMSIG of a wait status.</summary>
    public static ChildExit FromWaitStatus(int status)
    {
        var termSignal = status & 0x7f;
        if (termSignal == 0)
            return new((status >> 8) & 0xff, 0);
        // 0x7f is a stopped child (WIFSTOPPED), which waitpid without WUNTRACED never reports.
        return termSignal == 0x7f ? Unknown : new(-1, termSignal);
    }

    public override string ToString() => Signal switch
    {
        0 when ExitCode < 0 => "could not be reaped",
        0 => $"exited with status {ExitCode}",
        SignalSegv => "killed by SIGSEGV (signal 11)",
        SignalKill => "killed by SIGKILL (signal 9, the watchdog's, after the child's deadline)",
        _ => $"killed by signal {Signal}",
    };
}
