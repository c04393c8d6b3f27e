using System.Globalization;
using Harness.Config;
using Protocol;

namespace Harness.Running;

/// <summary>The guest's parameters as kernel command-line words (the guest reads /proc/cmdline).</summary>
public static class GuestArguments
{
    public static IReadOnlyList<string> For(GuestSettings settings, long seed, IReadOnlyList<string> scenarios) =>
    [
        $"{GuestParameters.Seconds}={settings.Seconds.ToString(CultureInfo.InvariantCulture)}",
        $"{GuestParameters.Seed}={seed.ToString(CultureInfo.InvariantCulture)}",
        $"{GuestParameters.Threads}={settings.Threads.ToString(CultureInfo.InvariantCulture)}",
        $"{GuestParameters.Scenarios}={string.Join(',', scenarios)}",
    ];

    /// <summary>The scenarios a kernel runs: those its settings name, else every one the guest knows.</summary>
    public static IReadOnlyList<string> ScenariosOf(GuestSettings settings) =>
        settings.Scenarios.Count > 0 ? settings.Scenarios : ScenarioNames.All;
}
