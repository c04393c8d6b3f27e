using Harness.History;
using static Harness.Tests.History.Nights;

namespace Harness.Tests.History;

public class ResultsFolderTests
{
    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    [Test]
    public void Runs_are_read_oldest_first_by_their_start_not_by_their_folders_name()
    {
        var older = Night(1, Kernel("sid", Pass("fork_cpu_id")));
        var newer = Night(2, Kernel("sid", Pass("fork_cpu_id")));
        // A run id given by hand (a merged night's --run-id) need not sort as its time does.
        WriteTo(_scratch.Results, older with { Folder = "/r/zz-older" }, newer with { Folder = "/r/aa-newer" });

        var contents = ResultsFolder.Read(_scratch.Results);

        Assert.That(contents.Runs.Select(r => r.Name), Is.EqualTo(new[] { "zz-older", "aa-newer" }));
    }

    [Test]
    public void Latest_and_hidden_entries_are_passed_over_and_a_folder_without_run_json_is_skipped_with_a_note()
    {
        var night = Night(1, Kernel("sid", Pass("fork_cpu_id")));
        WriteTo(_scratch.Results, night);
        Directory.CreateSymbolicLink(Path.Combine(_scratch.Results, "latest"), night.Name);
        Directory.CreateDirectory(Path.Combine(_scratch.Results, ".latest-0123"));
        Directory.CreateDirectory(Path.Combine(_scratch.Results, "soak-20261101-000000"));

        var contents = ResultsFolder.Read(_scratch.Results);

        Assert.Multiple(() =>
        {
            Assert.That(contents.Runs.Select(r => r.Name), Is.EqualTo(new[] { night.Name }));
            Assert.That(contents.Skipped, Is.EqualTo(new[] { new SkippedFolder("soak-20261101-000000", "no run.json") }));
        });
    }

    [Test]
    public void An_unreadable_run_json_is_skipped_with_a_note_naming_the_file_its_line_and_column()
    {
        WriteTo(_scratch.Results, Night(1, Kernel("sid", Pass("fork_cpu_id"))));
        Directory.CreateDirectory(Path.Combine(_scratch.Results, "20261102-020000"));
        File.WriteAllText(Path.Combine(_scratch.Results, "20261102-020000", "run.json"), "{\n  \"schema_version\": 3,\n  \"run_id\": [\n");

        var contents = ResultsFolder.Read(_scratch.Results);

        Assert.Multiple(() =>
        {
            Assert.That(contents.Runs, Has.Count.EqualTo(1));
            Assert.That(contents.Skipped.Single().Name, Is.EqualTo("20261102-020000"));
            Assert.That(contents.Skipped.Single().Why, Does.Match(@"^20261102-020000/run\.json:\d+:\d+: not a run\.json this harness reads \([^\n]+\)$"));
        });
    }

    [Test]
    public void A_results_folder_that_does_not_exist_is_refused()
    {
        Assert.That(() => ResultsFolder.Read(_scratch.File("nope")),
            Throws.TypeOf<HistoryInputException>().With.Message.EqualTo($"{_scratch.File("nope")}: no such results folder"));
    }

    [Test]
    public void A_run_folder_without_run_json_is_refused_naming_it()
    {
        var folder = Directory.CreateDirectory(_scratch.File("run")).FullName;

        Assert.That(() => RunReader.Read(folder),
            Throws.TypeOf<HistoryInputException>().With.Message.EqualTo($"{Path.Combine(folder, "run.json")}: not found (not a run folder)"));
    }

    [Test]
    public void A_run_json_of_another_shape_is_refused_naming_the_file_and_the_word_it_does_not_know()
    {
        var night = Night(1, Kernel("sid", Pass("fork_cpu_id")));
        WriteTo(_scratch.Results, night);
        var file = Path.Combine(_scratch.Results, night.Name, "run.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"PASS\"", "\"MAYBE\""));

        Assert.That(() => RunReader.Read(file),
            Throws.TypeOf<HistoryInputException>().With.Message.StartsWith($"{file}: not a run.json this harness reads (").And.Message.Contains("'MAYBE'"));
    }
}
