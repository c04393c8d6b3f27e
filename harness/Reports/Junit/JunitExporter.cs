using System.Globalization;
using System.Text;
using System.Xml;
using Harness.Judging;
using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Reports.Junit;

/// <summary>
/// junit.xml, for the test views of CI systems (Jenkins, GitLab, GitHub test reporters): a
/// testsuite per kernel (each repeat its own), a testcase per scenario. A FAIL is a
/// <c>failure</c> (the kernel broke the contract), an ERROR an <c>error</c> (no verdict could be
/// had), a SKIP <c>skipped</c>; the reason is the message, the evidence and counters the text.
/// Valid against Jenkins xUnit's junit-10.xsd (a copy is in tests/Harness.Tests/Reports/Schemas).
/// A control's expected FAIL stays a failure, as the outcome is what the file reports; its
/// message says it was expected, and the suite's <c>met_expectation</c> property says whether
/// the kernel did what it should (the harness's exit status is the gate).
/// </summary>
public sealed class JunitExporter : IRunExporter
{
    public string FileName => "junit.xml";

    public string Render(RunRecord run)
    {
        var kernels = RowOrder.Of(run.Kernels);
        var cases = kernels.SelectMany(k => Cases(k)).ToList();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"rseq cpu_id regression run {run.RunId}");
            xml.WriteAttributeString("tests", Count(cases.Count));
            xml.WriteAttributeString("failures", Count(cases.Count(c => c.Outcome == ScenarioVerdict.Fail)));
            xml.WriteAttributeString("errors", Count(cases.Count(c => c.Outcome == ScenarioVerdict.Error)));
            xml.WriteAttributeString("time", Seconds((run.Finished - run.Started).TotalSeconds));
            foreach (var (kernel, index) in kernels.Select((k, i) => (k, i)))
                WriteSuite(xml, run, kernel, index);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void WriteSuite(XmlWriter xml, RunRecord run, KernelResult kernel, int index)
    {
        var cases = Cases(kernel);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", RowOrder.Label(kernel));
        xml.WriteAttributeString("tests", Count(cases.Count));
        xml.WriteAttributeString("failures", Count(cases.Count(c => c.Outcome == ScenarioVerdict.Fail)));
        xml.WriteAttributeString("errors", Count(cases.Count(c => c.Outcome == ScenarioVerdict.Error)));
        xml.WriteAttributeString("skipped", Count(cases.Count(c => c.Outcome == ScenarioVerdict.Skip)));
        if (kernel.Timings.VmSeconds is { } vm)
            xml.WriteAttributeString("time", Seconds(vm));
        xml.WriteAttributeString("timestamp", run.Started.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", XmlText.Clean(run.Host.Name));
        xml.WriteAttributeString("id", Count(index));
        if (kernel.ConsoleLog is { } console)
            xml.WriteAttributeString("log", XmlText.Clean(console));

        xml.WriteStartElement("properties");
        foreach (var (name, value) in Properties(run, kernel))
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", XmlText.Clean(value));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        foreach (var outcome in cases)
            WriteCase(xml, kernel, outcome);
        xml.WriteEndElement();
    }

    static IEnumerable<(string Name, string Value)> Properties(RunRecord run, KernelResult kernel)
    {
        yield return ("kernel", kernel.Name);
        yield return ("repeat", Count(kernel.Repeat));
        yield return ("source", kernel.Source);
        if (kernel.Identity is { } identity)
            yield return ("identity", identity);
        if (kernel.KernelRelease is { } release)
            yield return ("uname_r", release);
        yield return ("expect", kernel.Expect.Describe());
        yield return ("met_expectation", kernel.MetExpectation ? "true" : "false");
        if (kernel.Error is { } error)
            yield return ("error", error);
        yield return ("run_id", run.RunId);
        yield return ("harness", run.HarnessVersion);
        yield return ("qemu", run.Vm.QemuVersion);
        yield return ("accel", $"{run.Vm.Accel?.Word() ?? "none"} ({run.Vm.AccelReason})");
    }

    static void WriteCase(XmlWriter xml, KernelResult kernel, ScenarioOutcome outcome)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", outcome.Scenario);
        xml.WriteAttributeString("classname", RowOrder.Label(kernel));
        if (outcome.Counters.TryGetValue(CounterNames.ElapsedMs, out var elapsed))
            xml.WriteAttributeString("time", Seconds(elapsed / 1000.0));
        var expected = kernel.Expect.FailingScenarios.Contains(outcome.Scenario) ? "expected FAIL: " : "";
        switch (outcome.Outcome)
        {
            case ScenarioVerdict.Fail:
                Verdict(xml, "failure", "FAIL", expected + (outcome.Reason ?? "FAIL"), Details(outcome));
                break;
            case ScenarioVerdict.Error:
                Verdict(xml, "error", $"ERROR from the {outcome.Source.ToString().ToLowerInvariant()}", outcome.Reason ?? "ERROR", Details(outcome));
                break;
            case ScenarioVerdict.Skip:
                Verdict(xml, "skipped", "SKIP", outcome.Reason ?? "SKIP", "");
                break;
        }
        if (outcome.Counters.Count > 0)
            xml.WriteElementString("system-out", XmlText.Clean(Counters(outcome)));
        xml.WriteEndElement();
    }

    static void Verdict(XmlWriter xml, string element, string type, string message, string text)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("message", XmlText.Clean(message));
        if (text.Length > 0)
            xml.WriteString(XmlText.Clean(text));
        xml.WriteEndElement();
    }

    /// <summary>The kernel's scenarios; a kernel that has none (it never reached the guest) is one ERROR case named after the kernel.</summary>
    static IReadOnlyList<ScenarioOutcome> Cases(KernelResult kernel) =>
        kernel.Scenarios.Count > 0 || kernel.Error is null
            ? kernel.Scenarios
            : [new ScenarioOutcome("kernel", ScenarioVerdict.Error, kernel.Error, new Dictionary<string, long>(), [], OutcomeSource.Harness)];

    static string Details(ScenarioOutcome outcome) => string.Join("\n", outcome.Evidence);

    static string Counters(ScenarioOutcome outcome) => string.Join(" ", outcome.Counters.Select(c => $"{c.Key}={c.Value}"));

    static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    // No thousands separator: the XSD's SUREFIRE_TIME allows one only in groups of three, which the invariant culture does not promise.
    static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
