namespace Guest.Cli;

/// <summary>The guest's command line as typed: raw texts, validated later by <see cref="OptionsResolver"/>.</summary>
/// <param name="KernelCommandLinePath">Where to read <c>rseqh.*</c> parameters from; null when not asked.</param>
/// <param name="SelftestsPath">A folder of the kernel's rseq selftest programs to run after the scenarios; null for none.</param>
/// <param name="LegacyProbe">Run legacy_cpu_id_start's probe instead of the scenarios (the guest starts itself so).</param>
/// <param name="RseqOffChild">Serve requests on standard input: the copy of the guest that runs with glibc's registration off.</param>
/// <param name="AbiV2Child">Register ABI v2 areas and report on standard output only: a _v2 scenario's child.</param>
internal sealed record CommandLineArguments(
    bool Help = false,
    bool List = false,
    string? Scenarios = null,
    string? Seconds = null,
    string? Seed = null,
    string? Threads = null,
    string? KtapPath = null,
    string? KernelCommandLinePath = null,
    bool LegacyProbe = false,
    string? SelftestsPath = null,
    bool AbiV2Child = false,
    string? Depth = null,
    string? StressMultiple = null,
    bool RseqOffChild = false);
