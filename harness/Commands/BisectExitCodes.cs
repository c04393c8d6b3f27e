namespace Harness.Commands;

/// <summary>
/// The statuses of <c>harness bisect-step</c>, in git bisect run's terms: 0 good, 1 bad, 125 skip.
/// git counts every other status from 1 to 127 as bad, so the harness's own failures (2, 3, 4, 70)
/// would mark commits bad; they become 128 and up, which make git bisect run stop.
/// </summary>
public static class BisectExitCodes
{
    public const int Good = 0;
    public const int Bad = 1;

    /// <summary>No verdict about this commit: it did not build or boot, too little stress, ERROR, SKIP, or a single flaky failure.</summary>
    public const int Untestable = 125;

    /// <summary>Bad arguments, or not a kernel git tree.</summary>
    public const int BadInput = 128;

    /// <summary>A host program is missing (QEMU, git, the build tools).</summary>
    public const int MissingPrerequisite = 129;

    // 130 is Ctrl-C's and stays so.

    /// <summary>The host failed the step (disk, archive, KVM asked for and unusable, git failing).</summary>
    public const int Environment = 131;

    /// <summary>A bug in the harness; the message names the log with the stack trace.</summary>
    public const int InternalError = 132;

    /// <summary>The step's status for git from the harness's ordinary one; 0, 1, 125, 130 and 143 stay as they are.</summary>
    public static int FromHarness(int status) => status switch
    {
        ExitCodes.BadInput => BadInput,
        ExitCodes.MissingPrerequisite => MissingPrerequisite,
        ExitCodes.Environment => Environment,
        ExitCodes.InternalError => InternalError,
        _ => status,
    };
}
