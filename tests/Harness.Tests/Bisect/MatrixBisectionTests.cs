using Harness.Bisect;
using Harness.Config;

namespace Harness.Tests.Bisect;

/// <summary>The matrix bisect's halving over kernels in version order, with a scripted tester in place of boots.</summary>
public class MatrixBisectionTests
{
    static readonly MatrixBisectSettings Settings = new(["fork_cpu_id"], 1, null, null, false);

    // The kernels' images: the loader requires a path kernel to exist when the matrix is read.
    ScratchFolder _images = null!;

    [OneTimeSetUp]
    public void CreateImages() => _images = new ScratchFolder();

    [OneTimeTearDown]
    public void RemoveImages() => _images.Dispose();

    /// <summary>Kernels k0, k1, … in that order, each with the verdict given, releases 6.0 … 6.n.</summary>
    (IReadOnlyList<OrderedKernel> Order, ScriptedKernelTester Tester) Line(params string[] words)
    {
        var yaml = "kernels:\n" + string.Concat(words.Select((_, i) => $"  - name: k{i}\n    source: {{ path: k{i}.bzImage }}\n"));
        for (var i = 0; i < words.Length; i++)
            _images.Write($"k{i}.bzImage", "");
        var matrix = MatrixLoader.Parse(yaml, _images.File("line.yaml"));
        var order = matrix.Kernels.Select((entry, i) => new OrderedKernel(entry, $"6.{i}.0")).ToList();
        return (order, new ScriptedKernelTester(words.Select((w, i) => (Name: $"k{i}", w)).ToDictionary(p => p.Name, p => p.w)));
    }

    static Task<BisectReport> Bisect(IReadOnlyList<OrderedKernel> order, ScriptedKernelTester tester, string good, string bad) =>
        new MatrixBisection(tester, Settings, "run", "tcg", line => TestContext.Progress.WriteLine(line))
            .RunAsync("/tmp/line.yaml", order, good, bad, CancellationToken.None);

    [Test]
    public async Task The_first_failing_kernel_after_the_last_passing_one_is_named_after_checking_both_ends()
    {
        var (order, tester) = Line("good", "good", "good", "good", "good", "bad", "bad", "bad", "bad", "bad", "bad");

        var report = await Bisect(order, tester, "k0", "k10");

        Assert.Multiple(() =>
        {
            Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.FirstBadFound));
            Assert.That(report.FirstBad, Is.EqualTo(new CommitInfo("k5", "6.5.0", "path k5.bzImage")).Using<CommitInfo>((a, b) => a.Hash == b.Hash && a.Subject == b.Subject));
            Assert.That(report.Over, Is.EqualTo(BisectOver.Kernels));
            Assert.That(tester.Tested.Take(2), Is.EqualTo(new[] { "k0", "k10" }), "both ends first");
            Assert.That(report.Steps.Count, Is.InRange(2 + 3, 2 + 4), "about log2(9) boots between the ends");
        });
    }

    [Test]
    public async Task Only_kernels_between_the_two_ends_are_booted()
    {
        var (order, tester) = Line("bad", "good", "good", "bad", "bad", "good");

        var report = await Bisect(order, tester, "k1", "k3");

        Assert.That(report.FirstBad?.Hash, Is.EqualTo("k3"));
        Assert.That(tester.Tested, Is.EquivalentTo(new[] { "k1", "k3", "k2" }));
    }

    [Test]
    public async Task An_untestable_kernel_is_skipped_and_its_neighbour_tried_instead()
    {
        // k3 is the first middle; the culprit k5 lies beyond it.
        var (order, tester) = Line("good", "good", "good", "skip", "good", "bad", "bad");

        var report = await Bisect(order, tester, "k0", "k6");

        Assert.That(report.FirstBad?.Hash, Is.EqualTo("k5"));
        Assert.That(tester.Tested, Does.Contain("k3"));
    }

    [Test]
    public async Task A_culprit_hidden_behind_untestable_kernels_is_reported_as_candidates()
    {
        var (order, tester) = Line("good", "skip", "skip", "bad");

        var report = await Bisect(order, tester, "k0", "k3");

        Assert.Multiple(() =>
        {
            Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.OnlyUntestableLeft));
            Assert.That(report.Candidates, Is.EqualTo(new[] { "k1 (6.1.0)", "k2 (6.2.0)", "k3 (6.3.0)" }));
            Assert.That(report.FirstBad, Is.Null);
        });
    }

    [Test]
    public async Task A_good_end_that_fails_stops_the_bisect_after_the_two_ends()
    {
        var (order, tester) = Line("bad", "bad", "bad");

        var report = await Bisect(order, tester, "k0", "k2");

        Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.EndsDoNotCheckOut));
        Assert.That(report.Problem, Does.Contain("pick an older --good"));
        Assert.That(tester.Tested, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_good_end_later_than_the_bad_end_is_refused_before_anything_boots()
    {
        var (order, tester) = Line("good", "bad");

        var error = Assert.ThrowsAsync<BisectInputException>(() => Bisect(order, tester, "k1", "k0"));

        Assert.That(error!.Message, Does.Contain("does not come before --bad k0"));
        Assert.That(tester.Tested, Is.Empty);
    }

    [Test]
    public void A_kernel_name_the_matrix_does_not_have_is_refused_with_the_names_it_has()
    {
        var (order, tester) = Line("good", "bad");

        var error = Assert.ThrowsAsync<BisectInputException>(() => Bisect(order, tester, "k0", "k9"));

        Assert.That(error!.Message, Does.Contain("--bad k9").And.Contain("it has k0, k1"));
    }

    [Test]
    public async Task The_report_names_the_first_bad_kernel_and_its_release()
    {
        var (order, tester) = Line("good", "good", "bad");

        var text = BisectMarkdown.Render(await Bisect(order, tester, "k0", "k2"));

        Assert.That(text, Does.Contain("**first bad kernel: k2**").And.Contain("release: 6.2.0").And.Contain("| step | kernel | release |"));
    }
}
