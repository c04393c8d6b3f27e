using System.Globalization;

namespace Guest.Topology;

/// <summary>The kernel's cpulist format of sysfs (<c>0-3,8,10-11</c>), as a sorted list of CPU numbers.</summary>
internal static class CpuList
{
    /// <summary>Parses a cpulist; an empty text is an empty list (a memory-only NUMA node).</summary>
    /// <exception cref="FormatException">The text is not a cpulist.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var range in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = range.IndexOf('-');
            var first = ParseNumber(dash < 0 ? range : range[..dash], text);
            var last = dash < 0 ? first : ParseNumber(range[(dash + 1)..], text);
            if (last < first)
                throw new FormatException($"descending range in cpulist '{text}'");
            for (var cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return [.. cpus];
    }

    static int ParseNumber(string number, string text) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{number}' is not a CPU number in cpulist '{text}'");
}
