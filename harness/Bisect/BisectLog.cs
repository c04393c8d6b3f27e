using System.Globalization;
using System.Text;

namespace Harness.Bisect;

/// <summary>
/// bisect.log in the step's folder: one line per step, appended, so a bisect driven by
/// <c>git bisect run</c> (a process per step) leaves one record of every commit it tried.
/// </summary>
public static class BisectLog
{
    public const string FileName = "bisect.log";

    /// <summary>e.g. <c>2025-01-02T03:04:05Z 1a2b3c4d5e6f bad fork_cpu_id=FAIL{children=20,stale_children=3} build=12.3s vm=41.0s boots=1 cached=no | 1 of 1 boots failed …</c></summary>
    public static string Line(StepRecord step, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {step.ShortCommit} {step.Verdict.ToString().ToLowerInvariant()}");
        foreach (var boot in step.Boots)
            foreach (var scenario in boot.Scenarios)
            {
                var counters = string.Join(',', scenario.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
                text.Append(CultureInfo.InvariantCulture, $" {scenario.Scenario}={scenario.Outcome.ToString().ToUpperInvariant()}{{{counters}}}");
            }
        text.Append(CultureInfo.InvariantCulture,
            $" build={step.BuildSeconds:0.0}s vm={step.VmSeconds:0.0}s boots={step.Boots.Count} cached={(step.FromCache ? "yes" : "no")} | {step.Evidence}");
        return text.ToString();
    }

    public static async Task AppendAsync(string folder, StepRecord step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, FileName), Line(step, now) + "\n", cancellationToken);
    }
}
