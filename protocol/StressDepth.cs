namespace Protocol;

/// <summary>
/// How hard a run looks, chosen per kernel in kernels.yaml (<c>guest.depth</c>) and passed to the
/// guest as <see cref="GuestParameters.Depth"/>. Each scenario stops once its counters reach the
/// depth's multiple of every minimum it states, or once a FAIL is confirmed, or at the cap: a fixed
/// time per scenario spent most of it on stress long past the point a verdict was sound (the
/// minimums were met in well under a second under TCG, the 3 s ran on regardless; issue 12).
/// </summary>
public enum StressDepth
{
    /// <summary>A smoke test: a few times the minimum stress, the instant selftests only.</summary>
    Quick,

    /// <summary>The default: 10× the minimum stress, selftests with arguments that keep them to seconds.</summary>
    Standard,

    /// <summary>Nightlies hunting rare races: 100× the minimum stress, a longer cap, every selftest in full.</summary>
    Deep,
}

/// <summary>What a depth means: its multiple of the minimum stress and its cap per scenario.</summary>
/// <param name="StressMultiple">Each scenario aims for this many times every stress minimum it states.</param>
/// <param name="CapSeconds">Seconds a scenario may run at most, whatever stress it reached (<c>guest.seconds</c> overrides it).</param>
public sealed record StressDepthProfile(StressDepth Depth, double StressMultiple, double CapSeconds)
{
    /// <summary>
    /// The caps are sized on the slowest scenario under TCG with 4 vCPUs on a 2-core host:
    /// migration_storm's re-pins of busy threads, 265 to 787 in 3 s (about 100 a second with the
    /// host's load average at 12 to 19), so 10× its 50 takes 2 to 5 s; the cap leaves room above that.
    /// Every other scenario reaches 10× in under 3.5 s on that host.
    /// </summary>
    public static StressDepthProfile Of(StressDepth depth) => depth switch
    {
        StressDepth.Quick => new(depth, StressMultiple: 3, CapSeconds: 2),
        StressDepth.Standard => new(depth, StressMultiple: 10, CapSeconds: 8),
        StressDepth.Deep => new(depth, StressMultiple: 100, CapSeconds: 20),
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, null),
    };

    public const StressDepth Default = StressDepth.Standard;

    /// <summary>The depths as written in kernels.yaml and on the kernel command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quick", "standard", "deep"];

    public static string NameOf(StressDepth depth) => Names[(int)depth];

    public static bool TryParse(string text, out StressDepth depth)
    {
        var index = Names.ToList().IndexOf(text);
        depth = index < 0 ? Default : (StressDepth)index;
        return index >= 0;
    }

    /// <summary>Below one the target would sit under the minimum a PASS needs anyway.</summary>
    public const double MinStressMultiple = 1;

    public const double MaxStressMultiple = 1000;
}
