using Harness.Reports.Ktap;
using Harness.Tests.Records;
using Protocol;

namespace Harness.Tests.Reports;

/// <summary>results.ktap as KTAP version 1 nests tests (docs.kernel.org/dev-tools/ktap.html).</summary>
public class KtapExporterTests
{
    static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public void The_document_starts_with_the_version_and_plans_one_test_per_kernel()
    {
        var run = RecordedRuns.Recorded();
        var lines = Lines(new KtapExporter().Render(run));

        Assert.That(lines[0], Is.EqualTo(KtapLines.Version));
        Assert.That(lines.First(l => !l.StartsWith('#') && l != KtapLines.Version), Is.EqualTo($"1..{run.Kernels.Count}"));
        // The kernels' own result lines, unindented, numbered from 1, in kernel-version order.
        Assert.That(lines.Where(l => l.StartsWith("ok ") || l.StartsWith("not ok ")), Is.EqualTo(new[]
        {
            "ok 1 bullseye-5.10",
            "not ok 2 control-5.10-fork # FAIL in fork_cpu_id, affinity_pin",
            "ok 3 trixie-6.12",
            "not ok 4 build-7.2 # ERROR cancelled: the run was interrupted before this kernel",
        }));
    }

    [Test]
    public void Each_kernel_is_a_subtest_indented_two_spaces_with_its_own_version_plan_and_a_line_per_scenario()
    {
        var run = RecordedRuns.Recorded();
        var text = new KtapExporter().Render(run);
        var control = run.Kernels.Single(k => k.Name == "control-5.10-fork");

        var block = Lines(text).SkipWhile(l => l != "  # Subtest: control-5.10-fork").TakeWhile(l => l.StartsWith("  ")).ToList();

        Assert.That(Lines(text).Count(l => l == "  " + KtapLines.Version), Is.EqualTo(run.Kernels.Count));
        Assert.That(block, Has.Member($"  1..{control.Scenarios.Count}"));
        Assert.That(block, Has.Member("  not ok 1 fork_cpu_id # stale cpu_id in 20 of 21 forked children (same wrong value over 3+ rounds with getcpu unchanged)"));
        Assert.That(block, Has.Member("  ok 4 node_id_mm_cid # SKIP kernel lacks node_id/mm_cid (rseq feature size 0)"));
        Assert.That(block, Has.Member("  # fork_cpu_id: evidence child cpu_id=3 getcpu=2 parent_cpu=3 stale_rounds=8/8"));
        Assert.That(block.Count(l => l.StartsWith("  ok ") || l.StartsWith("  not ok ")), Is.EqualTo(control.Scenarios.Count));
    }

    [Test]
    public void A_repeat_is_named_without_a_hash_which_would_start_a_directive()
    {
        var lines = Lines(new KtapExporter().Render(SampleRun.Full()));

        Assert.That(lines, Has.Member("not ok 2 control-5.10-fork repeat 2 # ERROR no result stream within 120 s"));
    }
}
