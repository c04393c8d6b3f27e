using System.CommandLine;
using Harness.History;

namespace Harness.Commands;

/// <summary><c>harness history</c>: the table across the runs of a results folder, as history.md and history.html.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var resultsArgument = new Argument<string>("RESULTS_DIR") { Description = "The results folder whose run folders (each with a run.json) make the history." };
        var outOption = new Option<string?>("--out") { Description = "Where history.md and history.html go (default: RESULTS_DIR)." };
        var lastOption = new Option<int>("--last")
        {
            Description = $"Show only the newest N runs as columns; older ones still inform the classification (default {HistoryTable.DefaultShown}).",
            DefaultValueFactory = _ => HistoryTable.DefaultShown,
        };
        lastOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError("--last takes a number of runs, 1 or more");
        });
        var command = new Command("history", "Build a table across the runs of a results folder (a row per kernel, a column per run) and classify each cell: new failure, still failing, fixed, flaky, error, as expected, pass.");
        command.Arguments.Add(resultsArgument);
        command.Options.Add(outOption);
        command.Options.Add(lastOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resultsRoot = parse.GetValue(resultsArgument)!;
            ResultsFolder.Contents contents;
            try
            {
                contents = ResultsFolder.Read(resultsRoot);
            }
            catch (HistoryInputException exception)
            {
                await Console.Error.WriteLineAsync($"harness: {exception.Message}");
                return ExitCodes.BadInput;
            }
            foreach (var skipped in contents.Skipped)
                await Console.Error.WriteLineAsync($"note: skipped {skipped.Name}: {skipped.Why}");
            if (contents.Runs.Count == 0)
            {
                await Console.Error.WriteLineAsync($"harness: {resultsRoot}: no run folder with a readable run.json");
                return ExitCodes.BadInput;
            }
            var table = HistoryTable.Build(contents.Runs, contents.Skipped, parse.GetValue(lastOption));
            var written = await HistoryFiles.WriteAsync(table, parse.GetValue(outOption) ?? resultsRoot, cancellationToken);
            Console.Write(HistoryMarkdown.Render(table));
            Console.WriteLine();
            Console.WriteLine($"history: {string.Join(" and ", written)}");
            return ExitCodes.AllMet;
        });
        return command;
    }
}
