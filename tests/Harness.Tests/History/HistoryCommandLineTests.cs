using Harness.Tests.EndToEnd;
using static Harness.Tests.History.Nights;

namespace Harness.Tests.History;

/// <summary>The two verbs as a nightly job calls them: their own process, their exit status, their one-line errors.</summary>
public class HistoryCommandLineTests
{
    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    string Folder(Harness.History.RecordedRun run) => Path.Combine(_scratch.Results, run.Name);

    [Test]
    public async Task Compare_exits_1_on_a_new_failure()
    {
        var old = Night(1, Kernel("sid", Pass("fork_cpu_id")));
        var @new = Night(2, Kernel("sid", Fail("fork_cpu_id")));
        WriteTo(_scratch.Results, old, @new);

        var outcome = await HarnessProcess.RunAsync(["compare", Folder(old), Folder(@new)]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(outcome.Output, Does.Match(@"\nnew failure +sid fork_cpu_id: PASS -> FAIL \(Fail reason\)\n"));
            Assert.That(outcome.Output.TrimEnd(), Does.EndWith("worse: new failure ×1"));
        });
    }

    [Test]
    public async Task Compare_exits_0_when_a_cell_was_fixed_and_nothing_got_worse()
    {
        var old = Night(1, Kernel("sid", Fail("fork_cpu_id"), Pass("cs_abort")));
        var @new = Night(2, Kernel("sid", Pass("fork_cpu_id"), Pass("cs_abort")));
        WriteTo(_scratch.Results, old, @new);

        var outcome = await HarnessProcess.RunAsync(["compare", Folder(old), Path.Combine(Folder(@new), "run.json")]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.Output.TrimEnd(), Does.EndWith("nothing got worse: fixed ×1"));
        });
    }

    [Test]
    public async Task Compare_refuses_a_run_json_it_cannot_read_with_one_line_and_status_2()
    {
        var old = Night(1, Kernel("sid", Pass("fork_cpu_id")));
        WriteTo(_scratch.Results, old);
        var broken = Directory.CreateDirectory(Path.Combine(_scratch.Results, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "run.json"), "{\"schema_version\": 3,\n \"kernels\": nope}");

        var outcome = await HarnessProcess.RunAsync(["compare", Folder(old), broken]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.TrimEnd(), Does.Match($@"^harness: {System.Text.RegularExpressions.Regex.Escape(broken)}/run\.json:2:\d+: not a run\.json this harness reads \([^\n]*\)$"));
            Assert.That(outcome.Output, Is.Empty);
        });
    }

    [Test]
    public async Task History_writes_both_files_into_out_and_notes_each_skipped_folder_on_stderr()
    {
        WriteTo(_scratch.Results, Night(1, Kernel("sid", Pass("fork_cpu_id"))), Night(2, Kernel("sid", Fail("fork_cpu_id"))));
        Directory.CreateDirectory(Path.Combine(_scratch.Results, "bisect-step"));
        var output = _scratch.File("site");

        var outcome = await HarnessProcess.RunAsync(["history", _scratch.Results, "--out", output]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0));
            Assert.That(outcome.Errors.TrimEnd(), Is.EqualTo("note: skipped bisect-step: no run.json"));
            Assert.That(File.ReadAllText(Path.Combine(output, "history.md")), Does.Contain("| sid | pass | pass | **new failure: fork_cpu_id** |"));
            Assert.That(File.Exists(Path.Combine(output, "history.html")), Is.True);
            Assert.That(Directory.GetFiles(_scratch.Results), Is.Empty, "nothing written into the results folder when --out is given");
        });
    }

    [Test]
    public async Task History_of_a_folder_without_any_readable_run_exits_2_and_writes_nothing()
    {
        Directory.CreateDirectory(Path.Combine(_scratch.Results, "bisect-step"));
        var before = _scratch.ResultsSnapshot();

        var outcome = await HarnessProcess.RunAsync(["history", _scratch.Results]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.TrimEnd().Split('\n')[^1], Is.EqualTo($"harness: {_scratch.Results}: no run folder with a readable run.json"));
            Assert.That(_scratch.ResultsSnapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task History_of_a_folder_that_does_not_exist_exits_2_with_one_line()
    {
        var outcome = await HarnessProcess.RunAsync(["history", _scratch.File("nope")]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.TrimEnd(), Is.EqualTo($"harness: {_scratch.File("nope")}: no such results folder"));
        });
    }
}
