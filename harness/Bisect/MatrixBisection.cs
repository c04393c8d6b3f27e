using Harness.Judging;
using System.Diagnostics;

namespace Harness.Bisect;

/// <summary>
/// A bisect over kernels that are already built: the matrix's kernels in version order, halved by
/// boots instead of builds. Both ends are checked first, as a commit bisect does; an untestable
/// kernel is skipped and the one nearest the middle tried instead; when only untestable kernels
/// are left between the last good and the first bad, they are named as the candidates.
/// </summary>
public sealed class MatrixBisection(IKernelTester tester, MatrixBisectSettings settings, string runId, string accel, Action<string> log)
{
    public async Task<BisectReport> RunAsync(string matrixPath, IReadOnlyList<OrderedKernel> order, string goodName, string badName, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var good = IndexOf(order, goodName, "--good", matrixPath);
        var bad = IndexOf(order, badName, "--bad", matrixPath);
        if (good >= bad)
            throw new BisectInputException(
                $"--good {goodName} ({order[good].Release}) does not come before --bad {badName} ({order[bad].Release}) in version order: a regression lies between a kernel and a later one");

        var rows = new List<BisectStepRow>();
        BisectReport Report(BisectConclusion conclusion, OrderedKernel? firstBad = null, IReadOnlyList<string>? candidates = null, string? problem = null) =>
            new(runId, matrixPath, goodName, badName, settings.Scenarios, settings.Repeats, accel, conclusion,
                firstBad is null ? null : new CommitInfo(firstBad.Name, firstBad.Release, firstBad.Entry.Source.Describe()),
                candidates ?? [], problem,
                firstBad is null || rows.Count < 2 ? null : Confidence.Describe(rows[1].Step, rows.Select(r => r.Step).ToList()),
                rows, clock.Elapsed.TotalSeconds, RestoredTo: "", Over: BisectOver.Kernels);
        try
        {
            log($"{order.Count} kernels in version order: {string.Join(", ", order.Select(k => k.Name))}");
            log($"checking the good end {goodName}");
            rows.Add(new("good end", await tester.TestAsync(order[good], cancellationToken)));
            log($"checking the bad end {badName}");
            rows.Add(new("bad end", await tester.TestAsync(order[bad], cancellationToken)));
            if (EndpointCheck.Problem(rows[0].Step, rows[1].Step, settings.Scenarios) is { } problem)
                return Report(BisectConclusion.EndsDoNotCheckOut, problem: problem);

            int lastGood = good, firstBad = bad;
            var skipped = new HashSet<int>();
            while (Next(lastGood, firstBad, skipped) is { } middle)
            {
                var record = await tester.TestAsync(order[middle], cancellationToken);
                rows.Add(new($"step {rows.Count - 1}", record));
                switch (record.Verdict)
                {
                    case KernelJudgement.Good: lastGood = middle; break;
                    case KernelJudgement.Bad: firstBad = middle; break;
                    default: skipped.Add(middle); break;
                }
            }
            var untested = skipped.Where(i => i > lastGood && i < firstBad).Order().ToList();
            if (untested.Count == 0)
                return Report(BisectConclusion.FirstBadFound, order[firstBad]);
            return Report(BisectConclusion.OnlyUntestableLeft,
                candidates: untested.Append(firstBad).Select(i => $"{order[i].Name} ({order[i].Release})").ToList(),
                problem: $"only untestable kernels are left between the last good {order[lastGood].Name} and the first bad {order[firstBad].Name}: the regression came with one of the candidates");
        }
        catch (OperationCanceledException)
        {
            Interrupted = Report(BisectConclusion.Interrupted, problem: "interrupted");
            throw;
        }
    }

    /// <summary>The report up to the interruption, when the bisect was cancelled (the steps done so far).</summary>
    public BisectReport? Interrupted { get; private set; }

    /// <summary>The untried kernel nearest the middle of the open range, or null when none is left.</summary>
    static int? Next(int lastGood, int firstBad, IReadOnlySet<int> skipped)
    {
        var open = Enumerable.Range(lastGood + 1, Math.Max(0, firstBad - lastGood - 1)).Where(i => !skipped.Contains(i)).ToList();
        return open.Count == 0 ? null : open.OrderBy(i => Math.Abs(2 * i - (lastGood + firstBad))).ThenBy(i => i).First();
    }

    static int IndexOf(IReadOnlyList<OrderedKernel> order, string name, string option, string matrixPath)
    {
        for (var i = 0; i < order.Count; i++)
            if (order[i].Name == name)
                return i;
        throw new BisectInputException($"{option} {name}: {matrixPath} has no such kernel; it has {string.Join(", ", order.Select(k => k.Name))}");
    }
}
