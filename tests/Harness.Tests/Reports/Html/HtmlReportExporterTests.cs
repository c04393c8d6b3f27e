using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Harness.Judging;
using Harness.Records;
using Harness.Reports;
using Harness.Reports.Html;
using Protocol;

namespace Harness.Tests.Reports.Html;

public class HtmlReportExporterTests
{
    static IDocument Render(RunRecord run) => new HtmlParser().ParseDocument(new HtmlReportExporter().Render(run));

    static List<IElement> Rows(IDocument page) => page.QuerySelectorAll("tr.kernel-row").ToList();

    static string RowName(IElement row) => row.QuerySelector("th")!.TextContent;

    static IElement Cell(IDocument page, string kernel, string scenario)
    {
        var headers = page.QuerySelectorAll("table.grid thead th").Select(th => th.TextContent).ToList();
        var row = Rows(page).Single(r => RowName(r) == kernel);
        return row.Children[headers.IndexOf(scenario)];
    }

    [Test]
    public void The_report_has_a_row_per_kernel_in_kernel_version_order()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        // 6.1 before 6.12 (as versions, not as text); control-5.10-fork never reported its uname -r, so it comes last.
        Assert.That(Rows(page).Select(RowName), Is.EqualTo(new[] { "bookworm-6.1", "trixie-6.12", "control-5.10-fork #2" }));
    }

    [Test]
    public void Each_cell_is_coloured_by_its_outcome_and_marked_when_it_missed_the_expectation()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        Assert.Multiple(() =>
        {
            Assert.That(Cell(page, "bookworm-6.1", "fork_cpu_id").ClassList, Does.Contain("pass").And.Not.Contain("miss"));
            Assert.That(Cell(page, "bookworm-6.1", "cs_abort").ClassList, Does.Contain("fail").And.Contain("miss"));
            Assert.That(Cell(page, "control-5.10-fork #2", "fork_cpu_id").ClassList, Does.Contain("error"));
            Assert.That(Cell(page, "trixie-6.12", "cs_abort").ClassList, Does.Contain("skip").And.Not.Contain("miss"));
            Assert.That(Cell(page, "trixie-6.12", "cs_abort").TextContent, Is.EqualTo("SKIP"));
            Assert.That(Cell(page, "control-5.10-fork #2", "cs_abort").TextContent, Is.EqualTo("-"), "not run there");
        });
    }

    [Test]
    public void An_expected_fail_of_a_control_is_marked_expected_not_missed()
    {
        var run = RecordedRuns.WithEveryOutcome();
        var control = run.Kernels[1] with
        {
            Scenarios = [new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, "stale cpu_id in 20 of 20 forked children", new Dictionary<string, long>(), [])],
            MetExpectation = true,
            ExpectationMisses = [],
        };
        var page = Render(run with { Kernels = [run.Kernels[0], control] });

        var cell = Cell(page, "control-5.10-fork #2", "fork_cpu_id");
        Assert.That(cell.ClassList, Does.Contain("fail").And.Contain("expected").And.Not.Contain("miss"));
        Assert.That(cell.TextContent, Is.EqualTo("FAILexpected"));
    }

    [Test]
    public void Each_cell_opens_its_evidence_with_reason_expectation_counters_and_console_findings()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        var target = Cell(page, "bookworm-6.1", "cs_abort").QuerySelector("a")!.GetAttribute("href")!;
        var evidence = page.GetElementById(target.TrimStart('#'))!;

        Assert.That(evidence.LocalName, Is.EqualTo("details"));
        Assert.That(evidence.TextContent, Does.Contain("kernel Oops on the console while cs_abort ran")
            .And.Contain("cs_abort: FAIL from the console, expected PASS")
            .And.Contain("a kernel bug on the console")
            .And.Contain("RIP: 0010:sched_clock_cpu+0x11/0x1c0"));
        Assert.That(evidence.QuerySelectorAll("a.file").Select(a => a.GetAttribute("href")), Does.Contain("./bookworm-6.1.console.log"));
    }

    [Test]
    public void A_cell_with_counters_shows_them_and_its_stress_against_the_minimum()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        var target = Cell(page, "trixie-6.12", "fork_cpu_id").QuerySelector("a")!.GetAttribute("href")!;
        var evidence = page.GetElementById(target.TrimStart('#'))!;

        Assert.That(evidence.QuerySelector("table.counters")!.TextContent, Does.Contain("cross_cpu_starts258"));
        Assert.That(evidence.TextContent, Does.Contain("cross_cpu_starts 258: 12.9× its minimum 20"));
    }

    [Test]
    public void Every_kernel_links_its_console_log_ktap_log_and_earlier_boot_consoles()
    {
        var run = RecordedRuns.WithEveryOutcome();
        var page = Render(run);

        var links = page.QuerySelectorAll("a.file").Select(a => a.GetAttribute("href")!.TrimStart('.', '/')).Distinct();

        Assert.That(links, Is.EquivalentTo(RecordedRuns.LogFiles(run)));
    }

    [Test]
    public void Every_link_is_relative_and_stays_inside_the_run_folder_or_the_page()
    {
        foreach (var run in new[] { RecordedRuns.WithEveryOutcome(), RecordedRuns.Hostile() })
        {
            var page = Render(run);
            var hrefs = page.QuerySelectorAll("[href]").Select(a => a.GetAttribute("href")!).ToList();

            Assert.That(hrefs, Is.Not.Empty);
            foreach (var href in hrefs)
            {
                if (href.StartsWith('#'))
                    Assert.That(page.GetElementById(href[1..]), Is.Not.Null, $"{href} points at nothing");
                else
                {
                    Assert.That(href, Does.StartWith("./").And.Not.Contain("..").And.Not.Contain(":").And.Not.Contain("//"));
                    var inside = Path.GetFullPath(Path.Combine("/run-folder", Uri.UnescapeDataString(href)));
                    Assert.That(inside, Does.StartWith("/run-folder/"));
                }
            }
        }
    }

    [Test]
    public void A_log_path_outside_the_run_folder_is_shown_as_text_and_never_linked()
    {
        var page = Render(RecordedRuns.Hostile());

        var shown = page.QuerySelectorAll("span.file.outside").Select(s => s.TextContent).ToList();

        Assert.That(shown, Is.SupersetOf(new[] { "../../etc/passwd", RecordedRuns.HostileUrl, "/etc/shadow", "javascript:alert(3)", "ok/../../up" }));
        Assert.That(page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), Has.None.Contains("passwd").And.None.Contains("evil").And.None.Contains("javascript"));
    }

    [Test]
    public void Hostile_values_from_run_json_stay_text_and_add_no_element()
    {
        var run = RecordedRuns.Hostile();
        var page = Render(run);

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("script"), Has.Count.EqualTo(1), "only the report's own script");
            Assert.That(page.QuerySelectorAll("style"), Has.Count.EqualTo(1), "only the report's own style");
            Assert.That(page.QuerySelectorAll("img"), Is.Empty);
            Assert.That(page.All.SelectMany(e => e.Attributes).Select(a => a.Name), Has.None.StartsWith("on"));
            Assert.That(page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), Has.None.Contains("evil"));
            // The values are still there for the reader, as the text they were.
            Assert.That(RowName(Rows(page).Single(r => RowName(r).StartsWith('k'))), Is.EqualTo(run.Kernels[0].Name));
            Assert.That(page.Body!.TextContent, Does.Contain($"reason {RecordedRuns.HostileMarkup}")
                .And.Contain($"WARNING: {RecordedRuns.HostileMarkup}</pre><a href=\"{RecordedRuns.HostileUrl}\">x</a>")
                .And.Contain($"counter{RecordedRuns.HostileMarkup}"));
            Assert.That(page.QuerySelectorAll("table.grid thead th").Select(th => th.TextContent), Does.Contain(RecordedRuns.HostileScenario));
            Assert.That(page.Title, Is.EqualTo($"rseq cpu_id run run{RecordedRuns.HostileMarkup}"));
        });
    }

    [Test]
    public void The_page_needs_nothing_from_outside_it()
    {
        var html = new HtmlReportExporter().Render(RecordedRuns.WithEveryOutcome());
        var page = new HtmlParser().ParseDocument(html);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("://"), "no URL of any scheme, not even an SVG namespace");
            Assert.That(page.QuerySelectorAll("[src], link, iframe, object, embed, img"), Is.Empty);
            Assert.That(page.QuerySelector("style")!.TextContent, Does.Not.Contain("url(").And.Not.Contain("@import"));
            Assert.That(page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"), Does.StartWith("default-src 'none'"));
        });
    }

    [Test]
    public void The_environment_names_the_run_harness_host_qemu_accel_and_guest_image()
    {
        var run = RecordedRuns.WithEveryOutcome();
        var page = Render(run);

        var facts = page.QuerySelectorAll("#environment dt").Zip(page.QuerySelectorAll("#environment dd"))
            .ToDictionary(pair => pair.First.TextContent, pair => pair.Second.TextContent);

        Assert.Multiple(() =>
        {
            Assert.That(facts["run"], Does.StartWith("20261127-000000"));
            Assert.That(facts["harness"], Is.EqualTo("0.1.0"));
            Assert.That(facts["host"], Does.Contain("Debian GNU/Linux 12 (bookworm)").And.Contain("2 CPUs"));
            Assert.That(facts["QEMU"], Is.EqualTo("QEMU emulator version 7.2.22"));
            Assert.That(facts["accel"], Is.EqualTo("kvm (bookworm-6.1 reached user space under KVM in 1.2 s)"));
            Assert.That(facts["fell back to TCG"], Is.EqualTo("on control-5.10-fork: console silent for 30 s"));
            Assert.That(facts["guest image"], Does.StartWith("0cac7773bd1ffd453478141e1fadeb1e (built in 42.5 s)"));
            Assert.That(facts["matrix"], Is.EqualTo("kernels.yaml"), "the file's name, not where the checkout lay");
        });
    }

    [Test]
    public void The_filters_offer_each_outcome_with_the_number_of_kernels_that_have_it()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        var buttons = page.QuerySelectorAll("button[data-filter]").ToDictionary(b => b.GetAttribute("data-filter")!, b => b.TextContent);
        var rowOutcomes = Rows(page).ToDictionary(RowName, r => r.GetAttribute("data-outcomes"));

        Assert.That(buttons, Is.EqualTo(new Dictionary<string, string>
        {
            ["all"] = "all (3)", ["pass"] = "with PASS (2)", ["fail"] = "with FAIL (1)", ["error"] = "with ERROR (1)", ["skip"] = "with SKIP (1)",
            ["miss"] = "expectation not met (2)",
        }));
        Assert.That(rowOutcomes, Is.EqualTo(new Dictionary<string, string?>
        {
            ["control-5.10-fork #2"] = "error", ["bookworm-6.1"] = "pass fail", ["trixie-6.12"] = "pass skip",
        }));
    }

    [Test]
    public void The_chart_draws_each_kernels_stress_against_its_minimum()
    {
        var page = Render(RecordedRuns.WithEveryOutcome());

        var chart = page.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.TextContent.StartsWith("fork_cpu_id"));
        var bars = chart.QuerySelectorAll("rect").Select(r => (Class: r.GetAttribute("class"), Title: r.TextContent)).ToList();

        // bookworm-6.1 reported forks but no cross_cpu_starts, so only trixie-6.12 has a bar; the others say why not.
        Assert.That(bars, Is.EqualTo(new[] { ("pass", "trixie-6.12 fork_cpu_id: cross_cpu_starts 258 = 12.9× the minimum 20 (PASS)") }));
        Assert.That(chart.QuerySelectorAll("text.none").Select(t => t.TextContent), Is.EqualTo(new[] { "PASS, no counters", "ERROR, no counters" }), "in RowOrder: the kernel that never reported its release last");
        Assert.That(chart.QuerySelectorAll("line.minimum"), Has.Count.EqualTo(1));
        Assert.That(chart.QuerySelectorAll("line.target"), Has.Count.EqualTo(1), "trixie-6.12's guest aimed for 10×");
    }

    [Test]
    public void The_report_renders_the_same_from_run_json_as_from_the_record()
    {
        var run = RecordedRuns.WithEveryOutcome();

        var fromFile = RunRecordJson.Deserialize(RunRecordJson.Serialize(run));

        Assert.That(new HtmlReportExporter().Render(fromFile), Is.EqualTo(new HtmlReportExporter().Render(run)));
    }

    [Test]
    public void Every_run_writes_report_html_beside_run_json()
    {
        Assert.That(TableExporter.Standard.Select(e => e.FileName), Does.Contain("report.html"));
    }
}
