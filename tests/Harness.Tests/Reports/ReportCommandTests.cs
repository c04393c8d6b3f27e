using Harness.Commands;
using Harness.Reports;
using Harness.Tests.EndToEnd;

namespace Harness.Tests.Reports;

/// <summary><c>harness report RUN_DIR</c>, run as a user runs it: its own process, its exit status and output.</summary>
public class ReportCommandTests
{
    static string GoldenRunJson => Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Golden", "recorded-run.json");

    static Dictionary<string, string> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);

    [Test]
    public async Task A_report_writes_every_exporters_file_from_run_json_and_replaces_stale_ones()
    {
        using var scratch = new ScratchFolder();
        var folder = Directory.CreateDirectory(scratch.File("20261129-125847")).FullName;
        File.Copy(GoldenRunJson, Path.Combine(folder, "run.json"));
        File.WriteAllText(Path.Combine(folder, "summary.md"), "stale, from an older harness");
        File.WriteAllText(Path.Combine(folder, "bullseye-5.10.console.log"), "console");

        var outcome = await HarnessProcess.RunAsync(["report", folder]);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.AllMet), outcome.Errors);
        var files = Files(folder);
        var run = RecordedRuns.Recorded();
        foreach (var exporter in TableExporter.Standard)
            Assert.That(files[exporter.FileName], Is.EqualTo(exporter.Render(run)), exporter.FileName);
        Assert.That(files["bullseye-5.10.console.log"], Is.EqualTo("console"));
        Assert.That(files.Keys, Has.None.StartsWith("."), "a temporary file was left behind");
        Assert.That(outcome.Output, Does.Contain("junit.xml").And.Contain("kcidb.json"));
    }

    [Test]
    public async Task A_folder_that_is_not_there_is_one_line_and_a_bad_input_status()
    {
        using var scratch = new ScratchFolder();

        var outcome = await HarnessProcess.RunAsync(["report", scratch.File("missing")]);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(outcome.Errors.TrimEnd().Split('\n'), Is.EqualTo(new[] { $"harness: {scratch.File("missing")}: no such folder" }));
    }

    [Test]
    public async Task A_folder_without_run_json_is_one_line_and_a_bad_input_status()
    {
        using var scratch = new ScratchFolder();

        var outcome = await HarnessProcess.RunAsync(["report", scratch.Path]);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(outcome.Errors.TrimEnd().Split('\n'), Is.EqualTo(new[] { $"harness: {Path.Combine(scratch.Path, "run.json")}: not found ({scratch.Path} is not a run folder)" }));
    }

    [Test]
    public async Task A_broken_run_json_names_its_line_and_column_and_leaves_every_file_as_it_was()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("run.json", "{\n  \"schema_version\": 3,\n  \"run_id\": 5 x\n}\n");
        scratch.Write("summary.md", "the summary an earlier report wrote");
        var before = Files(scratch.Path);

        var outcome = await HarnessProcess.RunAsync(["report", scratch.Path]);

        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        var lines = outcome.Errors.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith($"harness: {Path.Combine(scratch.Path, "run.json")}:3:15: "));
        Assert.That(Files(scratch.Path), Is.EqualTo(before));
    }

    [Test]
    public void A_run_json_of_an_unknown_schema_or_missing_its_fields_is_refused_with_the_file_named()
    {
        using var scratch = new ScratchFolder();

        scratch.Write("run.json", "{\"schema_version\": 1}");
        Assert.That(() => RunReport.Read(scratch.Path), Throws.TypeOf<RunFolderException>().With.Message.EqualTo(
            $"{scratch.File("run.json")}: schema 1, and this harness reads schemas 2 to {Harness.Records.RunRecord.CurrentSchemaVersion}"));
        scratch.Write("run.json", "{\"schema_version\": 99}");
        Assert.That(() => RunReport.Read(scratch.Path), Throws.TypeOf<RunFolderException>().With.Message.EndsWith("(written by a newer harness)"));
        scratch.Write("run.json", "{\"schema_version\": 3}");
        Assert.That(() => RunReport.Read(scratch.Path), Throws.TypeOf<RunFolderException>().With.Message.Contains("a field it needs is missing"));
        scratch.Write("run.json", "[]");
        Assert.That(() => RunReport.Read(scratch.Path), Throws.TypeOf<RunFolderException>().With.Message.EndsWith("not a run.json (no schema_version)"));
    }
}
