namespace Guest.Running;

/// <summary>How a copy of the guest run as a child process ended and what it wrote.</summary>
/// <param name="ExitCode">null when it was killed for outliving its timeout.</param>
internal sealed record ChildProcessRun(int? ExitCode, string Output, string Errors)
{
    /// <summary>Why the run cannot be trusted, or null when the process exited with status 0.</summary>
    public string? Failure => ExitCode switch
    {
        0 => null,
        null => "timed out and was killed",
        var code => $"exit status {code}{(Errors.Length > 0 ? $": {LastLine(Errors)}" : "")}",
    };

    /// <summary>
    /// The child died of SIGSEGV: .NET reports a process ended by signal N as exit status 128 + N.
    /// The guest's code is the same that runs clean in the parent, so this is the kernel's rseq
    /// killing a thread whose registered area failed its checks (force_sig(SIGSEGV)).
    /// </summary>
    /// <remarks>
    /// The kill reaches the thread on its way back to user space, wherever it was. In native code
    /// (a system call, the critical-section stub) the process dies of the signal; in managed code
    /// .NET takes the SIGSEGV, whose fault address force_sig leaves at 0, for a null dereference and
    /// the thread dies of an unhandled NullReferenceException (exit status 134). Both are the kill.
    /// </remarks>
    public bool KilledBySegv => ExitCode == 128 + SegvSignal
        || (ExitCode == 128 + AbortSignal && Errors.Contains(NullReference, StringComparison.Ordinal));

    const int SegvSignal = 11;
    const int AbortSignal = 6;
    const string NullReference = "System.NullReferenceException";

    public IReadOnlyList<string> OutputLines => Output.Split('\n');

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
