using System.Xml;
using System.Xml.Linq;
using Harness.History;
using static Harness.Tests.History.Nights;

namespace Harness.Tests.History;

public class HistoryRenderTests
{
    const string Hostile = "<script>alert(1)</script>|x";

    static HistoryTable Table(string resultsRoot) => HistoryTable.Build(
        [
            Night(1, Kernel("sid", Pass("fork_cpu_id")), Kernel("control", Harness.Config.Expectation.FailIn("fork_cpu_id"), Fail("fork_cpu_id"))) with { Folder = Path.Combine(resultsRoot, "20261101-020000") },
            Night(2, Kernel("sid", Fail("fork_cpu_id"), Fail(Hostile)), Kernel("control", Harness.Config.Expectation.FailIn("fork_cpu_id"), Fail("fork_cpu_id"))) with { Folder = Path.Combine(resultsRoot, "20261102-020000") },
        ],
        [new SkippedFolder("bad & old", "bad & old/run.json:1:1: <broken>")]);

    [Test]
    public void The_markdown_has_a_row_per_kernel_a_column_per_run_and_the_newest_runs_cells_to_look_at()
    {
        var markdown = HistoryMarkdown.Render(Table("/results"));

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| kernel | expect | 20261101-020000 | 20261102-020000 |"));
            Assert.That(markdown, Does.Contain("| control | fail: fork_cpu_id | as expected: fork_cpu_id | as expected: fork_cpu_id |"));
            Assert.That(markdown, Does.Contain("| sid | pass | pass | **new failure: fork_cpu_id, &lt;script&gt;alert(1)&lt;/script&gt;\\|x** |"));
            Assert.That(markdown, Does.Contain("- sid fork_cpu_id: new failure, FAIL (Fail reason)"));
            Assert.That(markdown, Does.Contain("- bad &amp; old: bad &amp; old/run.json:1:1: &lt;broken&gt;"));
            Assert.That(markdown, Does.Not.Contain("<script>"));
        });
    }

    [Test]
    public void The_html_is_one_well_formed_page_with_every_value_encoded_and_nothing_fetched()
    {
        var html = HistoryHtml.Render(Table("/results"), "/results");

        var page = XDocument.Load(XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));
        var names = page.Descendants().Select(e => e.Name.LocalName).ToHashSet();
        var sources = page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href").Select(a => a.Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Not.Contain("script").And.Not.Contain("link").And.Not.Contain("img"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;|x"));
            Assert.That(sources, Is.EqualTo(new[] { "20261101-020000/run.json", "20261102-020000/run.json" }));
            Assert.That(page.Descendants("tr").Count(), Is.EqualTo(3));
            Assert.That(page.Descendants("td").Where(td => (string?)td.Attribute("class") == "new-failure").Single().Attribute("title")!.Value,
                Does.Contain("fork_cpu_id: FAIL, new failure (Fail reason)"));
        });
    }

    [Test]
    public void The_files_land_in_the_output_folder_whole_with_links_that_resolve_from_there()
    {
        using var scratch = new ScratchFolder();
        var table = Table(scratch.Results);
        WriteTo(scratch.Results, table.Runs.ToArray());
        var output = scratch.File("published");
        File.WriteAllText(scratch.Write("stale", "x"), "x");

        var written = HistoryFiles.WriteAsync(table, output, CancellationToken.None).GetAwaiter().GetResult();

        var html = File.ReadAllText(Path.Combine(output, "history.html"));
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(new[] { Path.Combine(output, "history.md"), Path.Combine(output, "history.html") }));
            Assert.That(File.ReadAllText(Path.Combine(output, "history.md")), Is.EqualTo(HistoryMarkdown.Render(table)));
            Assert.That(links, Has.Count.EqualTo(2));
            Assert.That(links.Select(link => Path.GetFullPath(Path.Combine(output, Uri.UnescapeDataString(link)))), Has.All.Matches<string>(File.Exists));
            Assert.That(Directory.GetFiles(output), Has.Length.EqualTo(2), "no temporary file left beside them");
        });
    }
}
