using Protocol;

namespace Harness.Config;

/// <summary>Reads a <c>guest</c> block over inherited settings, key by key.</summary>
internal static class GuestSettingsReader
{
    public static IReadOnlyList<string> Keys { get; } = ["depth", "seconds", "stress_multiple", "seed", "threads", "scenarios"];

    private static readonly Dictionary<string, StressDepth> DepthWords =
        Enum.GetValues<StressDepth>().ToDictionary(StressDepthProfile.NameOf, depth => depth, StringComparer.Ordinal);

    public static GuestSettings Read(YamlMap? block, GuestSettings inherited) => block is null
        ? inherited
        : new GuestSettings(
            Seconds: block.Optional("seconds")?.AsNumber(MatrixLimits.MinGuestSeconds, MatrixLimits.MaxGuestSeconds)
                ?? inherited.Seconds,
            Seed: ReadSeed(block.Optional("seed"), inherited.Seed),
            Threads: block.Optional("threads")?.AsInt(MatrixLimits.MinThreads, MatrixLimits.MaxThreads) ?? inherited.Threads,
            Scenarios: ReadScenarios(block.Optional("scenarios")) ?? inherited.Scenarios,
            Depth: block.Optional("depth")?.AsChoice(DepthWords) ?? inherited.Depth,
            StressMultiple: block.Optional("stress_multiple")?.AsNumber(StressDepthProfile.MinStressMultiple, StressDepthProfile.MaxStressMultiple)
                ?? inherited.StressMultiple);

    // An explicit null lets one kernel go back to a harness-picked seed when the defaults fix one.
    private static long? ReadSeed(YamlValue? value, long? inherited) => value switch
    {
        null => inherited,
        { IsNull: true } => null,
        _ => value.AsLong(0, long.MaxValue),
    };

    private static IReadOnlyList<string>? ReadScenarios(YamlValue? value)
    {
        if (value is null)
            return null;
        var items = value.AsList("scenario");
        // An empty list reads as "run nothing", which is never meant: all is spelt by leaving the key out.
        if (items.Count == 0)
            throw value.Error($"{value.What} is empty; leave the key out to run every scenario");
        var names = new List<string>();
        foreach (var item in items)
        {
            var name = item.AsText();
            if (!ScenarioNames.IsKnown(name))
                throw item.Error($"unknown scenario {YamlText.Quote(name)} in {value.What} (known: {string.Join(", ", ScenarioNames.All)})");
            if (names.Contains(name, StringComparer.Ordinal))
                throw item.Error($"scenario {YamlText.Quote(name)} is listed twice in {value.What}");
            names.Add(name);
        }
        return names;
    }
}
