using System.Globalization;
using System.Text;

namespace Harness.Bisect;

/// <summary>bisect.md, and what the verb prints: the conclusion first, then the steps table.</summary>
public static class BisectMarkdown
{
    public static string Render(BisectReport report)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# Bisect of {string.Join(", ", report.Scenarios)}");
        Line($"");
        var kernels = report.Over == BisectOver.Kernels;
        var unit = kernels ? "kernel" : "commit";
        Line($"{(kernels ? "matrix" : "tree")} {report.Tree}, good {Short(report.Good)}, bad {Short(report.Bad)}; up to {report.Repeats} boot(s) per {unit} under {report.Accel}");
        Line($"");
        switch (report.Conclusion)
        {
            case BisectConclusion.FirstBadFound when report.FirstBad is { } culprit:
                Line($"**first bad {unit}: {culprit.Hash}**");
                Line($"{(kernels ? "release" : "subject")}: {culprit.Subject}");
                Line($"{(kernels ? "source" : "author")}: {culprit.Author}");
                Line($"confidence: {report.Confidence}");
                break;
            case BisectConclusion.OnlyUntestableLeft:
                Line($"**no single first bad {unit}**: {report.Problem}");
                foreach (var candidate in report.Candidates)
                    Line($"- {candidate}");
                break;
            default:
                Line($"**no first bad {unit}**: {report.Problem}");
                break;
        }
        Line($"");
        Line($"| step | {unit} | {(kernels ? "release" : "subject")} | verdict | evidence | build s | VM s |");
        Line($"| --- | --- | --- | --- | --- | ---: | ---: |");
        foreach (var (role, step) in report.Steps.Select(r => (r.Role, r.Step)))
        {
            var cost = step.FromCache ? ("cached", "cached") : ($"{step.BuildSeconds:0.0}", $"{step.VmSeconds:0.0}");
            Line($"| {role} | {step.ShortCommit} | {Cell(step.Subject)} | {BisectStep.Word(step.Verdict)} | {Cell(step.Evidence)} | {cost.Item1} | {cost.Item2} |");
        }
        Line($"");
        if (kernels)
            Line($"{report.Steps.Count} kernels tested in {report.WallSeconds:0} s");
        else
            Line($"{report.Steps.Count} commits tested, {report.Builds} built, in {report.WallSeconds:0} s; the tree is back at {report.RestoredTo}");
        return text.ToString();
    }

    static string Short(string hash) => hash.Length == 40 && hash.All(char.IsAsciiHexDigit) ? hash[..12] : hash;

    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
