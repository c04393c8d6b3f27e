using Harness.Reports;
using Harness.Tests.Records;

namespace Harness.Tests.Reports;

public class RowOrderTests
{
    [Test]
    public void Kernels_come_in_version_order_with_their_repeats_together_and_the_unbooted_last()
    {
        var recorded = RecordedRuns.Recorded().Kernels;
        var bullseye = recorded.Single(k => k.Name == "bullseye-5.10");
        var trixie = recorded.Single(k => k.Name == "trixie-6.12");
        var never = recorded.Single(k => k.Name == "build-7.2");
        var control = recorded.Single(k => k.Name == "control-5.10-fork");
        // A second boot of trixie that never reported its release still sorts with trixie's first.
        var trixieAgain = trixie with { Repeat = 2, KernelRelease = null };

        var order = RowOrder.Of([never, trixieAgain, control, trixie, bullseye]).Select(RowOrder.Label);

        Assert.That(order, Is.EqualTo(new[] { "bullseye-5.10", "control-5.10-fork", "trixie-6.12", "trixie-6.12 #2", "build-7.2" }));
    }

    [Test]
    public void Kernels_of_one_release_keep_the_matrix_order()
    {
        var control = RecordedRuns.Recorded().Kernels.Single(k => k.Name == "control-5.10-fork");
        var twin = control with { Name = "build-5.10" };

        Assert.That(RowOrder.Of([twin, control]).Select(k => k.Name), Is.EqualTo(new[] { "build-5.10", "control-5.10-fork" }));
        Assert.That(RowOrder.Of([control, twin]).Select(k => k.Name), Is.EqualTo(new[] { "control-5.10-fork", "build-5.10" }));
    }

    [TestCase("kernel lacks node_id/mm_cid (rseq feature size 0)", "kernel lacks node_id/mm_cid")]
    [TestCase("cancelled: the run was interrupted before this kernel", "cancelled: the run was interrupted before this kernel")]
    [TestCase("one clause; another", "one clause")]
    [TestCase("a reason that goes on and on without any parenthesis or semicolon to stop it early", "a reason that goes on and on without any parenthesis or sem…")]
    public void A_short_reason_is_the_first_clause_within_sixty_characters(string reason, string expected)
    {
        Assert.That(ShortReason.Of(reason), Is.EqualTo(expected));
        Assert.That(ShortReason.Of(reason).Length, Is.LessThanOrEqualTo(ShortReason.MaxLength));
    }

    [Test]
    public void The_markdown_summary_shows_the_environment_then_the_rows_in_version_order_with_short_reasons()
    {
        var markdown = new MarkdownExporter().Render(RecordedRuns.Recorded());
        var lines = markdown.Split('\n');

        var environment = lines.TakeWhile(l => !l.StartsWith('|')).ToList();
        var rows = lines.Where(l => l.StartsWith("| ") && !l.StartsWith("| kernel") && !l.StartsWith("| ---")).Select(l => l.Split(" | ")[0].TrimStart('|', ' ')).ToList();

        Assert.That(environment, Has.Some.StartWith("- run: 20261129-125847").And.Some.StartWith("- harness: 0.1.0")
            .And.Some.StartWith("- host: vm: Debian GNU/Linux 12").And.Some.StartWith("- qemu: QEMU emulator version 7.2.22")
            .And.Some.StartWith("- accel: tcg (/dev/kvm cannot be opened").And.Some.StartWith("- guest image: 0f5feafb5754"));
        Assert.That(rows, Is.EqualTo(new[] { "bullseye-5.10", "control-5.10-fork", "trixie-6.12", "build-7.2" }));
        Assert.That(markdown, Does.Contain("| **FAIL**: stale cpu_id in 20 of 21 forked children |"));
        Assert.That(markdown, Does.Contain("| SKIP: kernel lacks node_id/mm_cid |"));
        Assert.That(markdown, Does.Contain("| **ERROR**: cancelled: the run was interrupted before this kernel |"));
        Assert.That(markdown, Does.Contain("Some kernels did NOT meet their expectation."));
    }

    [Test]
    public void The_markdown_summary_keeps_the_regression_hint_in_its_notes()
    {
        var recorded = RecordedRuns.Recorded();
        var trixie = recorded.Kernels.Single(k => k.Name == "trixie-6.12");
        var broken = trixie with
        {
            Scenarios = [.. trixie.Scenarios.Select(s => s.Scenario == global::Protocol.ScenarioNames.ForkCpuId ? s with { Outcome = global::Protocol.ScenarioVerdict.Fail, Reason = "stale cpu_id" } : s)],
        };
        var run = recorded with { Kernels = [recorded.Kernels.Single(k => k.Name == "bullseye-5.10"), broken] };

        var markdown = new MarkdownExporter().Render(run);

        Assert.That(markdown, Does.Contain("- regression hint: fork_cpu_id PASSes on bullseye-5.10 (5.10.0-32-amd64) and FAILs on trixie-6.12 (6.12.117+deb13-amd64)"));
    }
}
