using Harness.Records;
using Harness.Reports;

namespace Harness.Commands;

/// <summary>
/// How a verb that leaves a run folder ends (run, merge): the table, where the folder is, the
/// verdict line and the exit status, the same for a run and for a merge of its shards so that a
/// CI job reads both alike.
/// </summary>
static class RunEnding
{
    /// <param name="folderLine">The line that names the run folder, such as <c>results: …</c>.</param>
    public static int Print(RunRecord record, string folderLine)
    {
        Console.Write(PlainTextExporter.Body(ResultTable.From(record)));
        Console.WriteLine();
        Console.WriteLine(folderLine);
        Console.WriteLine(record.AllMetExpectation ? "every kernel met its expectation" : "some kernels did NOT meet their expectation");
        return record.AllMetExpectation ? ExitCodes.AllMet : ExitCodes.ExpectationNotMet;
    }
}
