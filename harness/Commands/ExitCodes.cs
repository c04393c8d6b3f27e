namespace Harness.Commands;

/// <summary>The harness's exit statuses (the bisect verb has its own, git's).</summary>
public static class ExitCodes
{
    /// <summary>Every kernel met its expectation.</summary>
    public const int AllMet = 0;

    /// <summary>At least one kernel did not meet its expectation (an unexpected FAIL, an ERROR, or a control that passed).</summary>
    public const int ExpectationNotMet = 1;

    /// <summary>The command line or kernels.yaml is wrong; nothing was booted.</summary>
    public const int BadInput = 2;

    /// <summary>The host lacks a program the harness needs.</summary>
    public const int MissingPrerequisite = 3;

    /// <summary>
    /// The host's environment failed the run, not the input and not a kernel: the disk is full or
    /// read-only, a folder cannot be written, the Debian archive cannot be reached, KVM was asked for
    /// and does not work. Retrying on a healthy machine is the remedy, so CI can tell it from a verdict.
    /// </summary>
    public const int Environment = 4;

    /// <summary>Interrupted (Ctrl-C or SIGTERM), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
