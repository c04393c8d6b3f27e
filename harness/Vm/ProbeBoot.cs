namespace Harness.Vm;

/// <summary>What the KVM probe boots: the run's first kernel with the guest image, and where its console goes.</summary>
/// <param name="KernelLabel">The kernel as the record names it (matrix name and what was booted).</param>
public sealed record ProbeBoot(string KernelImagePath, string InitramfsPath, string KernelLabel, string ConsoleLogPath);
