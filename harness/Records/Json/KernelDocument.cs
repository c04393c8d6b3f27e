namespace Harness.Records.Json;

/// <summary>One row of the run in run.json: a kernel (one repetition of it) and what it showed.</summary>
public sealed record KernelDocument(
    string Name,
    int Repeat,
    string Source,
    string? Identity,
    ExpectationDocument Expect,
    string? KernelRelease,
    IReadOnlyList<ScenarioDocument> Scenarios,
    bool MetExpectation,
    string? Error,
    TimingsDocument Timings,
    string? VmEnd,
    int? QemuExitCode,
    IReadOnlyList<FindingDocument> ConsoleFindings,
    string? ConsoleLog,
    string? ResultsLog,
    IReadOnlyDictionary<string, string> GuestInfo,
    int BootAttempts,
    IReadOnlyList<string> ExpectationMisses,
    IReadOnlyList<string> EarlierBootConsoles,
    IReadOnlyList<FindingPlaceDocument> ConsoleWindows,
    ProvenanceDocument? Provenance);

public sealed record ExpectationDocument(string Kind, IReadOnlyList<string> FailingScenarios);

public sealed record ScenarioDocument(
    string Scenario,
    string Outcome,
    string? Reason,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Evidence,
    string Source);

/// <param name="Phases">Added without a schema bump (older files read it as null): the boot-to-verdict breakdown.</param>
public sealed record TimingsDocument(double AcquireSeconds, bool KernelFromCache, double? BootSeconds, double? VmSeconds, BuildDocument? Build, PhasesDocument? Phases = null);

/// <summary>Seconds: QEMU's start to the kernel's, the kernel's to /init, /init to the first result line, the last line to QEMU's exit.</summary>
public sealed record PhasesDocument(double QemuToKernel, double KernelToInit, double InitToFirstLine, double LastLineToExit);

public sealed record BuildDocument(string Key, string LogPath, bool FromCache, double Seconds, double? ColdBuildSeconds);

public sealed record FindingDocument(string Kind, int LineNumber, string Line, string? Rip, IReadOnlyList<string> Trace);

public sealed record FindingPlaceDocument(int LineNumber, string Window, string? Scenario);

/// <summary>What the kernel was made from (schema 3): each field null or empty when its source has none.</summary>
public sealed record ProvenanceDocument(
    DebianPackageDocument? Debian,
    string? TreeCommit,
    string? UncommittedChanges,
    string? ImageSha256,
    IReadOnlyList<string> PatchSha256s,
    string? FragmentSha256,
    string? Compiler,
    string? BuildKey);

public sealed record DebianPackageDocument(string Package, string Version, string Suite);
