using System.Globalization;
using System.Text;

namespace Harness.History;

/// <summary>The comparison as <c>harness compare</c> prints it: a line per cell that changed or stayed bad, the kernels that came or went, and a last line that says whether anything got worse.</summary>
public static class ComparisonText
{
    public static string Render(RunComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine($"old: {Describe(comparison.Old)}");
        text.AppendLine($"new: {Describe(comparison.New)}");
        var width = comparison.Changes.Select(c => ComparedCell.Word(c.Kind).Length).Append("kernel removed".Length).Max();
        foreach (var change in comparison.Changes)
        {
            var before = change.Old?.OutcomeText ?? "not run";
            var reason = change.New.Reason is { } why && change.Kind != ChangeKind.Fixed ? $" ({why})" : "";
            text.AppendLine($"{ComparedCell.Word(change.Kind).PadRight(width)}  {change.New.Kernel} {change.New.Scenario}: {before} -> {change.New.OutcomeText}{reason}");
        }
        foreach (var kernel in comparison.KernelsAdded)
            text.AppendLine($"{"kernel added".PadRight(width)}  {kernel}");
        foreach (var kernel in comparison.KernelsRemoved)
            text.AppendLine($"{"kernel removed".PadRight(width)}  {kernel}");
        text.AppendLine(Verdict(comparison));
        return text.ToString();
    }

    static string Describe(RecordedRun run)
    {
        var kernels = run.Record.Kernels.Select(k => k.Name).Distinct().Count();
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Name} ({run.Record.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {kernels} kernel{(kernels == 1 ? "" : "s")})");
    }

    static string Verdict(RunComparison comparison)
    {
        var counts = Enum.GetValues<ChangeKind>()
            .Select(kind => (Kind: kind, Count: comparison.Changes.Count(c => c.Kind == kind)))
            .Where(entry => entry.Count > 0)
            .Select(entry => $"{ComparedCell.Word(entry.Kind)} ×{entry.Count}")
            .Concat(comparison.KernelsAdded.Count > 0 ? [$"kernel added ×{comparison.KernelsAdded.Count}"] : [])
            .Concat(comparison.KernelsRemoved.Count > 0 ? [$"kernel removed ×{comparison.KernelsRemoved.Count}"] : [])
            .ToList();
        var summary = counts.Count > 0 ? string.Join(", ", counts) : "no change";
        return comparison.Worse ? $"worse: {summary}" : $"nothing got worse: {summary}";
    }
}
