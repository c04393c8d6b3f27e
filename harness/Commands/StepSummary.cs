using Harness.Records;
using Harness.Reports;

namespace Harness.Commands;

/// <summary>
/// GitHub Actions shows the Markdown a step appends to the file named by <c>GITHUB_STEP_SUMMARY</c>
/// on the run's page: <c>run</c> and <c>merge</c> append summary.md's table there when it is set.
/// Appended, never overwritten: the step may have written something of its own.
/// </summary>
public static class StepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    public static async Task AppendAsync(RunRecord record, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            return;
        await File.AppendAllTextAsync(path, new MarkdownExporter().Render(record) + "\n", cancellationToken);
    }
}
