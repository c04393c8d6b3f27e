using Protocol;

namespace Guest.Scenarios.Selftests;

/// <summary>
/// Which of the kernel's rseq selftests run at a depth, with which arguments and budget. A pure
/// function of the programs present and the depth, so what each depth runs is tested here and
/// stated in the README.
/// </summary>
/// <remarks>
/// The cost is one program: basic_percpu_ops_test, whose list test has 200 threads each pop, yield
/// and push 100 000 times (20 million sched_yield calls) and takes 106 to 150 s under TCG. It takes no
/// arguments, so below deep it is replaced by param_test's own version of the same two tests:
/// param_test with no arguments is its spinlock test (200 threads × 5000, as basic_percpu_ops_test's),
/// and <see cref="ListVariant"/> its list test with the same 200 threads and the same yield between
/// pop and push, for 1% of the iterations (about 1 s under TCG). Every other program takes well under
/// 2 s with its default arguments and runs at every depth.
/// </remarks>
internal static class SelftestPlan
{
    public const string PercpuOpsTest = "basic_percpu_ops_test";
    public const string ParamTest = "param_test";

    /// <summary>The column of param_test's list test (<c>-T l -y</c>), basic_percpu_ops_test's list test at lower cost.</summary>
    public const string ListVariant = "param_test_list";

    public static IReadOnlyList<SelftestRun> For(IReadOnlyList<string> programs, StressDepth depth)
    {
        var budget = BudgetOf(depth);
        var runs = new List<SelftestRun>();
        foreach (var program in programs.Order(StringComparer.Ordinal))
        {
            if (program == PercpuOpsTest && depth != StressDepth.Deep)
                continue;
            runs.Add(new SelftestRun(program, program, [], budget));
            if (program == ParamTest && ListRepetitions(depth) is { } repetitions)
                runs.Add(new SelftestRun(ListVariant, ParamTest, ["-T", "l", "-y", "-r", repetitions], budget));
        }
        return runs;
    }

    /// <summary>
    /// Per run: a few times what a good kernel needs under TCG, so a hang (5.10's cs_abort control
    /// hangs basic_percpu_ops_test) costs seconds at the lower depths; deep keeps the 240 s that
    /// basic_percpu_ops_test needs under TCG on a loaded host.
    /// </summary>
    public static TimeSpan BudgetOf(StressDepth depth) => depth switch
    {
        StressDepth.Quick => TimeSpan.FromSeconds(10),
        StressDepth.Standard => TimeSpan.FromSeconds(30),
        _ => TimeSpan.FromSeconds(240),
    };

    /// <summary>Iterations per thread of the list variant: none at quick, 1% of basic_percpu_ops_test's at standard, 10% at deep.</summary>
    static string? ListRepetitions(StressDepth depth) => depth switch
    {
        StressDepth.Quick => null,
        StressDepth.Standard => "1000",
        _ => "10000",
    };
}
