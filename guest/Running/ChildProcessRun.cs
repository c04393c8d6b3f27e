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
    public bool KilledBySegv => ExitCode == 128 + SegvSignal;

    const int SegvSignal = 11;

    public IReadOnlyList<string> OutputLines => Output.Split('\n');

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
