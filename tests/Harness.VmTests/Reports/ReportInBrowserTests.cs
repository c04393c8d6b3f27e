using System.Text.Json;
using Harness.Records;
using Harness.Reports;
using Harness.Tests.Reports.Html;

namespace Harness.Tests.Reports;

/// <summary>
/// report.html as a reader opens it: a run folder written as a run writes it (run.json, the
/// summaries, report.html) with real log files beside it, opened from disk in Debian's chromium,
/// headless. A screenshot of each page is attached to the test's output.
/// </summary>
[Category("Browser")]
public class ReportInBrowserTests
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [SetUp]
    public void ChromiumIsInstalled() =>
        Assert.That(File.Exists(HeadlessChromium.Executable), $"{HeadlessChromium.Executable} is missing: `harness setup --tests` installs Debian's chromium");

    [Test]
    public async Task Every_kernel_row_is_visible_every_link_opens_a_file_of_the_run_folder_and_the_console_stays_clean()
    {
        using var scratch = new ScratchFolder();
        using var timeout = new CancellationTokenSource(Limit);
        var run = RecordedRuns.WithEveryOutcome();
        var folder = await WriteRunFolderAsync(scratch, run, timeout.Token);

        HeadlessChromium? closed;
        await using (var browser = await HeadlessChromium.StartAsync(timeout.Token))
        {
            closed = browser;
            var page = await BrowserPage.OpenAsync(browser, 1400, 1000, timeout.Token);
            await page.NavigateAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri, timeout.Token);

            var rows = await page.EvaluateAsync(
                "Array.from(document.querySelectorAll('tr.kernel-row')).map(r => ({ name: r.querySelector('th').textContent, visible: r.checkVisibility() }))",
                timeout.Token);
            var links = await page.EvaluateAsync(
                "Array.from(document.querySelectorAll('[href]')).map(a => ({ raw: a.getAttribute('href'), url: a.href, " +
                "target: a.getAttribute('href').startsWith('#') ? document.getElementById(a.getAttribute('href').slice(1)) !== null : null }))",
                timeout.Token);
            await AttachScreenshotAsync(page, "report", timeout.Token);

            Assert.That(rows.EnumerateArray().Select(r => r.GetProperty("name").GetString()),
                Is.EquivalentTo(run.Kernels.Select(k => k.Repeat == 1 ? k.Name : $"{k.Name} #{k.Repeat}")));
            Assert.That(rows.EnumerateArray().Where(r => !r.GetProperty("visible").GetBoolean()), Is.Empty, "kernel rows not visible");
            var files = links.EnumerateArray().Where(l => !l.GetProperty("raw").GetString()!.StartsWith('#')).Select(l => new Uri(l.GetProperty("url").GetString()!)).ToList();
            Assert.That(files.Select(f => f.LocalPath).Distinct(), Is.EquivalentTo(RecordedRuns.LogFiles(run).Select(f => Path.Combine(folder, f))));
            Assert.That(files.Where(f => !f.IsFile || !f.LocalPath.StartsWith(folder + "/", StringComparison.Ordinal) || !File.Exists(f.LocalPath)).Select(f => f.ToString()),
                Is.Empty, "links that do not open a file of the run folder");
            Assert.That(links.EnumerateArray().Where(l => l.GetProperty("target").ValueKind == JsonValueKind.False).Select(l => l.GetProperty("raw").GetString()),
                Is.Empty, "links to no element of the page");
            Assert.That(page.Problems(), Is.Empty, "console errors, failed or outside requests");
        }
        Assert.That(closed.LeftRunning, Is.Empty, "chromium processes left running after the test (now killed)");
    }

    [Test]
    public async Task The_filters_and_the_cells_work_in_the_browser()
    {
        using var scratch = new ScratchFolder();
        using var timeout = new CancellationTokenSource(Limit);
        var run = RecordedRuns.WithEveryOutcome();
        var folder = await WriteRunFolderAsync(scratch, run, timeout.Token);

        await using var browser = await HeadlessChromium.StartAsync(timeout.Token);
        var page = await BrowserPage.OpenAsync(browser, 1400, 1000, timeout.Token);
        await page.NavigateAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri, timeout.Token);

        const string visibleRows = "Array.from(document.querySelectorAll('tr.kernel-row')).filter(r => r.checkVisibility()).map(r => r.querySelector('th').textContent)";
        var withFail = await page.EvaluateAsync($"document.querySelector('button[data-filter=fail]').click(); {visibleRows}", timeout.Token);
        var missed = await page.EvaluateAsync($"document.querySelector('button[data-filter=miss]').click(); {visibleRows}", timeout.Token);
        var all = await page.EvaluateAsync($"document.querySelector('button[data-filter=all]').click(); {visibleRows}", timeout.Token);
        var opened = await page.EvaluateAsync(
            "document.querySelector('td.outcome.fail a').click(); new Promise(done => setTimeout(() => { " +
            "const target = document.getElementById(location.hash.slice(1)); done({ open: target.open, visible: target.checkVisibility(), text: target.textContent }); }, 200))",
            timeout.Token);
        await AttachScreenshotAsync(page, "evidence-opened", timeout.Token);

        Assert.That(withFail.EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "bookworm-6.1" }));
        Assert.That(missed.EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "bookworm-6.1", "control-5.10-fork #2" }));
        Assert.That(all.EnumerateArray().Count(), Is.EqualTo(3));
        Assert.That(opened.GetProperty("open").GetBoolean() && opened.GetProperty("visible").GetBoolean(), "the FAIL cell's evidence did not open");
        Assert.That(opened.GetProperty("text").GetString(), Does.Contain("kernel Oops on the console while cs_abort ran"));
        Assert.That(page.Problems(), Is.Empty);
    }

    [Test]
    public async Task The_checks_see_a_console_error_and_a_request_to_the_network()
    {
        // The other tests pass on an empty list of problems; this one shows the list is not empty by construction.
        using var scratch = new ScratchFolder();
        using var timeout = new CancellationTokenSource(Limit);
        var page = scratch.Write("bad.html", "<!DOCTYPE html><title>bad</title><img src=\"http://127.0.0.1:9/missing.png\"><script>console.error('broken')</script>");

        HeadlessChromium? closed;
        await using (var browser = await HeadlessChromium.StartAsync(timeout.Token))
        {
            closed = browser;
            var tab = await BrowserPage.OpenAsync(browser, 800, 600, timeout.Token);
            await tab.NavigateAsync(new Uri(page).AbsoluteUri, timeout.Token);

            Assert.That(tab.Problems(), Has.Some.Contains("console.error").And.Some.Contains("request outside the run folder: http://127.0.0.1:9/missing.png"));
        }
        Assert.That(closed.LeftRunning, Is.Empty);
    }

    [Test]
    public async Task No_chromium_process_is_left_running_when_a_test_fails_while_the_browser_is_open()
    {
        using var timeout = new CancellationTokenSource(Limit);
        HeadlessChromium? started = null;

        var failure = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var browser = await HeadlessChromium.StartAsync(timeout.Token);
            started = browser;
            await BrowserPage.OpenAsync(browser, 800, 600, timeout.Token);
            throw new InvalidOperationException("an assertion of a test failed here");
        });

        Assert.That(failure!.Message, Does.Contain("assertion"));
        Assert.That(started, Is.Not.Null);
        Assert.That(started!.LeftRunning, Is.Empty, "chromium processes that survived the close (now killed)");
        Assert.That(started.Running(), Is.Empty, "chromium processes still running");
    }

    /// <summary>The run folder a run writes (run.json and every standard exporter's file), with the logs its record names.</summary>
    static async Task<string> WriteRunFolderAsync(ScratchFolder scratch, RunRecord run, CancellationToken cancellationToken)
    {
        var folder = RunFolder.Create(scratch.Results, DateTimeOffset.UtcNow, TableExporter.Standard);
        var console = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "tests/Harness.Tests/Vm/Samples/debian-6.1-boot.log"), cancellationToken);
        foreach (var log in RecordedRuns.LogFiles(run))
            await File.WriteAllTextAsync(Path.Combine(folder.Path, log), log.EndsWith(".ktap.log", StringComparison.Ordinal) ? Ktap : console, cancellationToken);
        await folder.WriteAsync(run with { RunId = folder.RunId }, cancellationToken);
        Assert.That(Path.Combine(folder.Path, "report.html"), Does.Exist, "the run folder did not write report.html");
        return folder.Path;
    }

    const string Ktap = """
        KTAP version 1
        1..2
        ok 1 fork_cpu_id
        not ok 2 cs_abort
        """;

    static async Task AttachScreenshotAsync(BrowserPage page, string name, CancellationToken cancellationToken)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.MethodName}-{name}.png");
        await File.WriteAllBytesAsync(file, await page.ScreenshotAsync(cancellationToken), cancellationToken);
        TestContext.AddTestAttachment(file, $"report.html in chromium: {name}");
    }
}
