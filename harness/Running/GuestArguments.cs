using System.Globalization;
using Harness.Config;
using Protocol;

namespace Harness.Running;

/// <summary>The guest's parameters as kernel command-line words (the guest reads /proc/cmdline).</summary>
public static class GuestArguments
{
    /// <remarks>
    /// The depth always goes, so the guest never falls back on a default of its own; the cap and the
    /// multiple only when kernels.yaml sets them, so the depth's own stay defined in one place.
    /// </remarks>
    public static IReadOnlyList<string> For(GuestSettings settings, long seed, IReadOnlyList<string> scenarios) =>
    [
        $"{GuestParameters.Depth}={StressDepthProfile.NameOf(settings.Depth)}",
        .. settings.Seconds is { } seconds ? [$"{GuestParameters.Seconds}={seconds.ToString(CultureInfo.InvariantCulture)}"] : Array.Empty<string>(),
        .. settings.StressMultiple is { } multiple ? [$"{GuestParameters.StressMultiple}={multiple.ToString(CultureInfo.InvariantCulture)}"] : Array.Empty<string>(),
        $"{GuestParameters.Seed}={seed.ToString(CultureInfo.InvariantCulture)}",
        $"{GuestParameters.Threads}={settings.Threads.ToString(CultureInfo.InvariantCulture)}",
        $"{GuestParameters.Scenarios}={string.Join(',', scenarios)}",
    ];

    /// <summary>The scenarios a kernel runs: those its settings name, else every one the guest knows.</summary>
    public static IReadOnlyList<string> ScenariosOf(GuestSettings settings) =>
        settings.Scenarios.Count > 0 ? settings.Scenarios : ScenarioNames.All;
}
