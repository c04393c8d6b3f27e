using Harness.Reports;

namespace Harness.Tests.Reports;

static class TableTexts
{
    /// <summary>The rows as the text formats show them.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Texts(ResultTable table) =>
        table.Rows.Select(row => (IReadOnlyList<string>)row.Select(cell => cell.Text).ToList()).ToList();
}
