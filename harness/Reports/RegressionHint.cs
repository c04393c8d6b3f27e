using Harness.Config;
using Protocol;

using Harness.Judging;
using Harness.Records;

namespace Harness.Reports;

/// <summary>
/// Where a run's results point at a regression: a scenario that FAILs on a kernel while an older
/// kernel of the same matrix PASSes it. Kernels expected to FAIL (the controls) are left out, since
/// their FAIL is the point of them. With repeats, a kernel FAILs a scenario when any boot did and
/// PASSes it when every boot did.
/// </summary>
/// <param name="Scenario">The scenario that went from PASS to FAIL.</param>
/// <param name="LastGood">The newest kernel older than <paramref name="FirstBad"/> that PASSes it.</param>
/// <param name="FirstBad">The oldest kernel that FAILs it after a PASS.</param>
public sealed record RegressionHint(string Scenario, HintKernel LastGood, HintKernel FirstBad)
{
    public static IReadOnlyList<RegressionHint> Find(IEnumerable<KernelResult> results)
    {
        var kernels = results
            .Where(r => r.Expect.Kind == ExpectationKind.Pass && r.KernelRelease is not null)
            .GroupBy(r => r.Name)
            .Select(boots => new { Kernel = new HintKernel(boots.Key, boots.First().KernelRelease!), Boots = boots.ToList() })
            .OrderBy(k => k.Kernel.Release, ReleaseOrder.Instance)
            .ToList();
        // The guest's scenarios only: a selftest column is no scenario a bisect can be asked about.
        var scenarios = kernels.SelectMany(k => k.Boots).SelectMany(b => b.Scenarios).Select(s => s.Scenario).Distinct().Where(ScenarioNames.All.Contains);
        var hints = new List<RegressionHint>();
        foreach (var scenario in scenarios)
        {
            HintKernel? lastGood = null;
            foreach (var kernel in kernels)
            {
                var outcomes = kernel.Boots.Select(b => b.Scenarios.FirstOrDefault(s => s.Scenario == scenario)?.Outcome).ToList();
                if (outcomes.Contains(ScenarioVerdict.Fail))
                {
                    if (lastGood is not null)
                    {
                        hints.Add(new RegressionHint(scenario, lastGood, kernel.Kernel));
                        break;
                    }
                }
                else if (outcomes.All(o => o == ScenarioVerdict.Pass))
                    lastGood = kernel.Kernel;
            }
        }
        return hints;
    }

    /// <summary>
    /// The command that finds the commit: against an upstream tree between the mainline releases
    /// the two kernels are based on when those differ; else (a patched twin, two builds of one
    /// release) between the two kernels of the matrix itself.
    /// </summary>
    public string Command(string matrixPath)
    {
        var good = KernelVersion.Parse(LastGood.Release);
        var bad = KernelVersion.Parse(FirstBad.Release);
        return good is { } g && bad is { } b && g != b
            ? $"harness bisect --tree LINUX_GIT_TREE --good v{g.Major}.{g.Minor} --bad v{b.Major}.{b.Minor} --scenario {Scenario}"
            : $"harness bisect --matrix {matrixPath} --good {LastGood.Name} --bad {FirstBad.Name} --scenario {Scenario}";
    }

    /// <summary>One line for the table's foot, e.g. "fork_cpu_id PASSes on a (6.1.0-18-amd64) and FAILs on b (6.12.9-amd64)".</summary>
    public string Describe() =>
        $"{Scenario} PASSes on {LastGood.Name} ({LastGood.Release}) and FAILs on {FirstBad.Name} ({FirstBad.Release})";
}

/// <summary>A kernel as a regression hint names it.</summary>
public sealed record HintKernel(string Name, string Release);
