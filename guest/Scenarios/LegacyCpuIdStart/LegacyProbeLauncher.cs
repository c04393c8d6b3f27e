using System.Globalization;
using Guest.Running;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// Runs <see cref="LegacyProbe"/> in the copy of the guest with glibc's rseq registration off, so
/// the probe can register a 32-byte area of its own.
/// </summary>
internal static class LegacyProbeLauncher
{
    /// <summary>The hidden option that makes the guest run the probe instead of the scenarios.</summary>
    public const string ProbeOption = "--internal-legacy-probe";

    public static ChildProcessRun Run(RseqOffChild child, TimeSpan duration, double stressMultiple, TimeSpan timeout) =>
        child.Run(
        [
            ProbeOption,
            "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--stress-multiple", stressMultiple.ToString(CultureInfo.InvariantCulture),
        ], timeout);
}
