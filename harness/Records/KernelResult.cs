using Harness.Config;
using Harness.Judging;
using Harness.Kernels;
using Harness.Vm;

namespace Harness.Records;

/// <summary>Everything the run learned about one kernel of the matrix.</summary>
/// <param name="Repeat">Which repetition of the kernel this row is (1-based; see <c>--repeat</c>).</param>
/// <param name="Identity">What exactly was booted (for Debian "package=version"); null when it could not be had.</param>
/// <param name="KernelRelease">The <c>uname -r</c> the guest saw; null when the guest never reported.</param>
/// <param name="Error">Why the kernel could not be booted at all (fetch, build), one line.</param>
/// <param name="ConsoleLog">The console log, relative to the run folder.</param>
/// <param name="BootAttempts">Boots it took: a kernel that crashes before the guest starts is booted up to three times (0: never booted).</param>
/// <param name="ExpectationMisses">Why the kernel did not meet its expectation, one phrase per scenario at fault; empty when it did.</param>
public sealed record KernelResult(
    string Name,
    int Repeat,
    string Source,
    string? Identity,
    Expectation Expect,
    string? KernelRelease,
    IReadOnlyList<ScenarioOutcome> Scenarios,
    bool MetExpectation,
    string? Error,
    KernelTimings Timings,
    VmEnd? VmEnd,
    int? QemuExitCode,
    IReadOnlyList<ConsoleFinding> ConsoleFindings,
    string? ConsoleLog,
    string? ResultsLog,
    IReadOnlyDictionary<string, string> GuestInfo,
    int BootAttempts,
    IReadOnlyList<string>? ExpectationMisses = null)
{
    public IReadOnlyList<string> ExpectationMisses { get; init; } = ExpectationMisses ?? [];

    /// <summary>
    /// The consoles of the boots that were booted again, relative to the run folder, in order:
    /// <c>&lt;kernel&gt;.attempt-N.console.log</c> for a crash before the guest, and
    /// <c>&lt;kernel&gt;.kvm-stalled.console.log</c> for a KVM boot redone under TCG.
    /// </summary>
    public IReadOnlyList<string> EarlierBootConsoles { get; init; } = [];

    /// <summary>What the kernel was made from, as data; null when it could not be had.</summary>
    public KernelProvenance? Provenance { get; init; }

    /// <summary>When each of <see cref="ConsoleFindings"/> was printed, relative to the guest and its scenarios.</summary>
    public IReadOnlyList<FindingPlace> ConsoleWindows { get; init; } = [];
}
