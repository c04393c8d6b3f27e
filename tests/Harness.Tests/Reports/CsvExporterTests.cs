using System.Text;
using Harness.Judging;
using Harness.Reports.Csv;
using Protocol;

namespace Harness.Tests.Reports;

public class CsvExporterTests
{
    /// <summary>An RFC 4180 reader, written apart from the writer so the two cannot share a mistake.</summary>
    static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.That(c, Is.Not.EqualTo('\n').And.Not.EqualTo('\r'), $"a bare line break outside quotes at {i}");
                field.Append(c);
            }
        }
        Assert.That(quoted, Is.False, "a quote left open");
        Assert.That(field.Length + record.Count, Is.Zero, "the last record does not end with CRLF");
        return records;
    }

    [Test]
    public void There_is_a_header_and_one_row_per_kernel_scenario_and_repeat_each_with_every_column()
    {
        var run = RecordedRuns.Recorded();

        var records = Parse(new CsvExporter().Render(run));

        Assert.That(records[0], Is.EqualTo(CsvExporter.Columns));
        Assert.That(records.Skip(1).Select(r => r.Count).Distinct(), Is.EqualTo(new[] { CsvExporter.Columns.Count }));
        Assert.That(records, Has.Count.EqualTo(1 + run.Kernels.Sum(k => k.Scenarios.Count)));
        var fail = records.Single(r => r[1] == "control-5.10-fork" && r[8] == ScenarioNames.ForkCpuId);
        Assert.That((fail[9], fail[10], fail[7]), Is.EqualTo(("FAIL", "GUEST", "true")));
        Assert.That(fail[11], Is.EqualTo("stale cpu_id in 20 of 21 forked children (same wrong value over 3+ rounds with getcpu unchanged)"));
    }

    [Test]
    public void Commas_quotes_and_line_breaks_survive_the_round_trip()
    {
        var run = RecordedRuns.Recorded();
        var reason = "a \"quoted\" word, a comma\r\nand a line";
        var outcome = new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, reason, new Dictionary<string, long>(), ["first, line", "second \"line\""]);
        run = run with { Kernels = [run.Kernels[0] with { Scenarios = [outcome] }] };

        var row = Parse(new CsvExporter().Render(run))[1];

        Assert.That(row[11], Is.EqualTo(reason));
        Assert.That(row[13], Is.EqualTo("first, line\nsecond \"line\""));
    }

    [Test]
    public void A_kernel_without_scenarios_is_one_row_with_its_error()
    {
        var run = RecordedRuns.Recorded();
        run = run with { Kernels = [run.Kernels[3] with { Scenarios = [] }] };

        var rows = Parse(new CsvExporter().Render(run)).Skip(1).ToList();

        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That((rows[0][8], rows[0][9], rows[0][11]), Is.EqualTo(("", "ERROR", "cancelled: the run was interrupted before this kernel")));
    }
}
