using Harness.Records;
using Harness.Reports;
using Harness.Reports.Csv;
using Harness.Reports.Junit;
using Harness.Reports.Kcidb;
using Harness.Reports.Ktap;
using Protocol;

namespace Harness.Tests.Reports;

/// <summary>
/// Every exporter's file for the recorded run, pinned byte for byte: a change to a format shows
/// here, in review, as a change to its golden file. To accept a change on purpose, run
/// <c>HARNESS_UPDATE_GOLDEN=1 dotnet test tests/Harness.Tests --filter FullyQualifiedName~ExporterGoldenTests</c>,
/// which rewrites the files under tests/Harness.Tests/Reports/Golden (the tests then fail once, so
/// a regeneration is never mistaken for a pass), and read the diff before committing it.
/// </summary>
public class ExporterGoldenTests
{
    static readonly IRunExporter[] Exporters =
    [
        new PlainTextExporter(), new MarkdownExporter(), new JsonTableExporter(),
        new JunitExporter(), new KcidbExporter(), new KtapExporter(), new CsvExporter(),
    ];

    static IEnumerable<TestCaseData> Cases() => Exporters.Select(e => new TestCaseData(e).SetArgDisplayNames(e.FileName));

    [Test]
    public void The_recorded_run_has_a_pass_a_fail_an_error_and_a_skip()
    {
        var outcomes = RecordedRuns.Recorded().Kernels.SelectMany(k => k.Scenarios).Select(s => s.Outcome).Distinct();

        Assert.That(outcomes, Is.EquivalentTo(Enum.GetValues<ScenarioVerdict>()));
    }

    [TestCaseSource(nameof(Cases))]
    public void An_exporter_writes_the_recorded_run_exactly_as_its_golden_file(IRunExporter exporter)
    {
        var text = exporter.Render(RecordedRuns.Recorded());

        var golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Golden", $"recorded-run.{exporter.FileName}");
        if (Environment.GetEnvironmentVariable("HARNESS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Harness.Tests", "Reports", "Golden", $"recorded-run.{exporter.FileName}"), text);
            Assert.Fail($"rewrote the golden file of {exporter.FileName}; run again without HARNESS_UPDATE_GOLDEN");
        }
        Assert.That(File.Exists(golden), $"no golden file {golden}: create it with HARNESS_UPDATE_GOLDEN=1");
        Assert.That(text, Is.EqualTo(File.ReadAllText(golden)),
            $"{exporter.FileName} changed: if on purpose, regenerate with HARNESS_UPDATE_GOLDEN=1 and review the diff");
    }

    [TestCaseSource(nameof(Cases))]
    public void An_exporter_renders_a_run_json_of_schema_2_with_every_kernel(IRunExporter exporter)
    {
        var run = RecordedRuns.SchemaTwo();

        var text = exporter.Render(run);

        Assert.That(run.SchemaVersion, Is.EqualTo(2));
        foreach (var kernel in run.Kernels)
            Assert.That(text, Does.Contain(kernel.Name));
    }
}
