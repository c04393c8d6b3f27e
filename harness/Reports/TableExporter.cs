using Harness.Records;

namespace Harness.Reports;

/// <summary>
/// An exporter of the one table model: it renders a <see cref="ResultTable"/>, however it was made,
/// and writes a run folder's file from the run's record.
/// </summary>
public abstract class TableExporter : IRunExporter
{
    public abstract string FileName { get; }

    public string Render(RunRecord run) => Render(ResultTable.From(run), run.AllMetExpectation);

    public abstract string Render(ResultTable table, bool allMet);

    /// <summary>
    /// What <c>run</c> and each round of <c>soak</c> write beside run.json, and <c>harness report</c>
    /// writes again from it: the summaries and the files for other tools (README, "Publishing results").
    /// </summary>
    public static IReadOnlyList<IRunExporter> Standard { get; } =
    [
        new PlainTextExporter(),
        new MarkdownExporter(),
        new JsonTableExporter(),
        new Junit.JunitExporter(),
        new Kcidb.KcidbExporter(),
        new Ktap.KtapExporter(),
        new Csv.CsvExporter(),
        new Html.HtmlReportExporter(),
    ];

    /// <summary>The line that closes every summary.</summary>
    public static string Verdict(bool allMet) =>
        allMet ? "Every kernel met its expectation." : "Some kernels did NOT meet their expectation.";
}
