namespace Harness.Config;

/// <summary>One kernel of the matrix, with the machine it runs on (the defaults merged with its own settings).</summary>
public sealed record KernelEntry(
    string Name,
    KernelSource Source,
    Expectation Expect,
    MachineSettings Machine,
    SourceLocation Location);
