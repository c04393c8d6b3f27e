using System.Text.Json;
using Harness.Records;
using Harness.Reports;
using Harness.Tests.Records;

namespace Harness.Tests.Reports;

public class ExporterTests
{
    static ResultTable Table => ResultTable.From(SampleRun.Full());

    [Test]
    public void The_plain_text_grid_pads_every_column_to_its_widest_cell()
    {
        var lines = PlainTextExporter.Grid(Table).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var release = "control-5.10-fork #2".Length + 2;
        var expect = release + "6.1.0-50-amd64".Length + 2;
        Assert.That(lines[0].IndexOf("uname -r"), Is.EqualTo(release));
        Assert.That(lines[2].IndexOf("6.1.0-50-amd64"), Is.EqualTo(release));
        Assert.That(lines[3].IndexOf("- "), Is.EqualTo(release));
        Assert.That(lines[0].IndexOf("expect"), Is.EqualTo(expect));
        Assert.That(lines[3].IndexOf("fail: fork_cpu_id"), Is.EqualTo(expect));
    }

    [Test]
    public void The_plain_text_summary_ends_with_whether_every_kernel_met_its_expectation()
    {
        var text = new PlainTextExporter().Render(Table, allMet: false);

        Assert.That(text.TrimEnd(), Does.EndWith("Some kernels did NOT meet their expectation."));
        Assert.That(text, Does.Contain("control-5.10-fork #2: ERROR no result stream within 120 s"));
    }

    [Test]
    public void The_json_table_keeps_outcomes_as_words_a_missing_outcome_as_null_and_met_as_a_boolean()
    {
        using var json = JsonDocument.Parse(new JsonTableExporter().Render(Table, allMet: false));
        var rows = json.RootElement.GetProperty("rows");

        Assert.That(rows[0].GetProperty("cs_abort").GetString(), Is.EqualTo("FAIL"));
        Assert.That(rows[1].GetProperty("cs_abort").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(rows[1].GetProperty("met").GetBoolean(), Is.False);
        Assert.That(rows[1].GetProperty("kernel").GetString(), Is.EqualTo("control-5.10-fork #2"));
        Assert.That(json.RootElement.GetProperty("preamble").GetProperty("accel").GetString(), Does.StartWith("kvm ("));
        Assert.That(json.RootElement.GetProperty("all_met_expectation").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_run_folder_writes_run_json_and_one_file_per_exporter_it_was_given()
    {
        var results = Directory.CreateTempSubdirectory("exporters-").FullName;
        try
        {
            var folder = RunFolder.Create(results, DateTimeOffset.UnixEpoch, TableExporter.Standard);

            await folder.WriteAsync(SampleRun.Full(), CancellationToken.None);

            Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { "junit.xml", "kcidb.json", "report.html", "results.csv", "results.ktap", "run.json", "summary.json", "summary.md", "summary.txt" }));
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "summary.md")), Does.Contain("| bookworm-6.1 | 6.1.0-50-amd64 | pass |"));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
