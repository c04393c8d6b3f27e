using System.Globalization;

namespace Guest.Scenarios.AbiV2;

/// <summary>How a _v2 scenario starts its child: the twin alone, with the parent's settings, under ABI v2.</summary>
internal static class AbiV2Child
{
    /// <summary>
    /// The hidden option that makes the guest register ABI v2 areas and report on its standard
    /// output only (no kernel-log markers: they would nest inside the parent's window).
    /// </summary>
    public const string Option = "--internal-abi-v2";

    public static IReadOnlyList<string> Arguments(string twin, ScenarioSettings settings) =>
    [
        Option,
        "--scenarios", twin,
        "--seconds", settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
        "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
        "--stress-multiple", settings.StressMultiple.ToString(CultureInfo.InvariantCulture),
    ];
}
