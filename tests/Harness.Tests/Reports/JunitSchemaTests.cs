using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Harness.Judging;
using Harness.Records;
using Harness.Reports.Junit;
using Harness.Tests.Records;
using Protocol;

namespace Harness.Tests.Reports;

/// <summary>junit.xml against Jenkins xUnit's junit-10.xsd (Schemas/README.md), and what each outcome becomes.</summary>
public class JunitSchemaTests
{
    static XmlSchemaSet Schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RecordedRuns.Schema("junit-10.xsd"));
        schemas.Compile();
        return schemas;
    }

    /// <summary>Every error and warning the XSD finds (an element it does not declare is a warning without ReportValidationWarnings).</summary>
    static List<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema() };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData((Func<RunRecord>)RecordedRuns.Recorded).SetArgDisplayNames("recorded run");
        yield return new TestCaseData((Func<RunRecord>)SampleRun.Full).SetArgDisplayNames("every field set");
        yield return new TestCaseData((Func<RunRecord>)RecordedRuns.SchemaTwo).SetArgDisplayNames("schema 2");
    }

    [TestCaseSource(nameof(Runs))]
    public void The_junit_file_is_valid_against_the_xsd(Func<RunRecord> run)
    {
        Assert.That(Problems(new JunitExporter().Render(run())), Is.Empty);
    }

    [Test]
    public void The_xsd_check_rejects_a_suite_without_its_test_count()
    {
        var document = XDocument.Parse(new JunitExporter().Render(RecordedRuns.Recorded()));
        document.Root!.Element("testsuite")!.Attribute("tests")!.Remove();

        Assert.That(Problems(document.ToString()), Has.Some.Contains("tests"));
    }

    [Test]
    public void A_fail_is_a_failure_an_error_an_error_and_a_skip_skipped_each_counted_on_its_suite()
    {
        var document = XDocument.Parse(new JunitExporter().Render(RecordedRuns.Recorded()));
        XElement Case(string suite, string scenario) => document.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == suite)
            .Elements("testcase").Single(c => (string?)c.Attribute("name") == scenario);

        var fail = Case("control-5.10-fork", ScenarioNames.ForkCpuId);
        var error = Case("build-7.2", ScenarioNames.ForkCpuId);
        var skip = Case("bullseye-5.10", ScenarioNames.NodeIdMmCid);
        var pass = Case("trixie-6.12", ScenarioNames.ForkCpuId);

        Assert.That(fail.Elements().Select(e => e.Name.LocalName), Has.Member("failure").And.No.Member("error"));
        Assert.That((string?)fail.Element("failure")!.Attribute("message"), Does.StartWith("expected FAIL: stale cpu_id in 20 of 21 forked children"));
        Assert.That(fail.Element("failure")!.Value, Does.Contain("stale_rounds=8/8"));
        Assert.That(error.Elements().Select(e => e.Name.LocalName), Has.Member("error").And.No.Member("failure"));
        Assert.That((string?)error.Element("error")!.Attribute("message"), Is.EqualTo("cancelled: the run was interrupted before this kernel"));
        Assert.That((string?)skip.Element("skipped")!.Attribute("message"), Is.EqualTo("kernel lacks node_id/mm_cid (rseq feature size 0)"));
        Assert.That(pass.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "system-out" }));
        var control = document.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "control-5.10-fork");
        Assert.That(((string?)control.Attribute("failures"), (string?)control.Attribute("errors"), (string?)control.Attribute("skipped")),
            Is.EqualTo(("2", "0", "4")));
    }

    [Test]
    public void Control_characters_from_a_console_line_leave_the_file_valid()
    {
        var run = RecordedRuns.Recorded();
        var kernel = run.Kernels[0];
        var hostile = new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, "bad \0 byte", new Dictionary<string, long>(),
            ["\u001b[31mOops\u001b[0m \u0001 <tag> & \"quote\""], OutcomeSource.Console);
        run = run with { Kernels = [kernel with { Scenarios = [hostile] }] };

        var xml = new JunitExporter().Render(run);

        Assert.That(Problems(xml), Is.Empty);
        Assert.That(XDocument.Parse(xml).Descendants("failure").Single().Value, Does.Contain("<tag> & \"quote\""));
    }
}
