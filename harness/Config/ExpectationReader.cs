using Protocol;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>Reads a kernel's <c>expect</c>: <c>pass</c>, <c>fail</c>, or <c>{fail: [scenario, ...]}</c>.</summary>
internal static class ExpectationReader
{
    public static IReadOnlyList<string> Keys { get; } = ["fail"];

    private static readonly Dictionary<string, Expectation> Words = new(StringComparer.Ordinal)
    {
        ["pass"] = Expectation.Pass,
        ["fail"] = Expectation.Fail,
    };

    /// <param name="scenarios">The scenarios the kernel's guest runs (guest.scenarios; empty: all).</param>
    public static Expectation Read(YamlValue? value, string label, IReadOnlyList<string> scenarios)
    {
        if (value is null)
            return Expectation.Pass;
        if (value.Node is YamlScalarNode scalar && !YamlText.IsNull(scalar) && Words.TryGetValue(scalar.Value ?? "", out var word))
            return word;
        if (value.Node is not YamlMappingNode)
            throw value.Error($"{value.What} must be pass, fail or {{fail: [scenario, ...]}}; got {YamlText.Describe(value.Node)}");

        var block = value.AsMap($"expect of {label}", Keys);
        var list = block.Required("fail");
        var items = list.AsList("scenario");
        // An empty list would read as "nothing may fail" under the word fail: never what is meant.
        if (items.Count == 0)
            throw list.Error($"{list.What} is empty; name the scenarios expected to FAIL, or write expect: fail");
        var run = scenarios.Count == 0 ? ScenarioNames.All : scenarios;
        var names = new List<string>();
        foreach (var item in items)
        {
            var name = item.AsText();
            if (!ScenarioNames.IsKnown(name))
                throw item.Error($"unknown scenario {YamlText.Quote(name)} in {list.What} (known: {string.Join(", ", ScenarioNames.All)})");
            if (names.Contains(name, StringComparer.Ordinal))
                throw item.Error($"scenario {YamlText.Quote(name)} is listed twice in {list.What}");
            // A scenario the guest never runs could never FAIL: the expectation could never be met.
            if (!run.Contains(name, StringComparer.Ordinal))
                throw item.Error(
                    $"{label} expects {YamlText.Quote(name)} to FAIL but its guest.scenarios do not run it (they run: {string.Join(", ", run)})");
            names.Add(name);
        }
        return Expectation.FailIn(names);
    }
}
