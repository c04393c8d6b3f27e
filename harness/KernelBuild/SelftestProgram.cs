namespace Harness.KernelBuild;

/// <summary>
/// One program of tools/testing/selftests/rseq, as its Makefile builds it: a source file and the
/// defines of its variant. Built only when the tree has the source (5.10 has no legacy_check).
/// </summary>
public sealed record SelftestProgram(string Name, string SourceFile, IReadOnlyList<string> Defines)
{
    /// <summary>
    /// The programs worth running in the guest. The benchmark and mm_cid variants are left out: the
    /// first measures rather than checks, the second repeats param_test on a field the guest's own
    /// node_id_mm_cid scenario covers.
    /// </summary>
    public static IReadOnlyList<SelftestProgram> Catalog { get; } =
    [
        new("basic_test", "basic_test.c", []),
        new("basic_percpu_ops_test", "basic_percpu_ops_test.c", []),
        new("param_test", "param_test.c", []),
        new("param_test_compare_twice", "param_test.c", ["-DRSEQ_COMPARE_TWICE"]),
        new("syscall_errors_test", "syscall_errors_test.c", []),
        new("legacy_check", "legacy_check.c", []),
    ];
}
