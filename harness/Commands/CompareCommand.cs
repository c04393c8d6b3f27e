using System.CommandLine;
using Harness.History;

namespace Harness.Commands;

/// <summary>
/// <c>harness compare OLD NEW</c>: what changed between two runs. The nightly job's gate: exits 1
/// (<see cref="ExitCodes.ExpectationNotMet"/>, as a run that missed an expectation does) when a
/// cell got worse, a new failure or a new ERROR; 0 when nothing got worse.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var oldArgument = new Argument<string>("OLD") { Description = "The earlier run: its folder (or its run.json)." };
        var newArgument = new Argument<string>("NEW") { Description = "The later run: its folder (or its run.json)." };
        var command = new Command("compare", "Print what changed between two runs per kernel and scenario (new failure, newly ERROR, still failing, fixed; kernels added or removed); exit 1 when something got worse, 0 when nothing did.");
        command.Arguments.Add(oldArgument);
        command.Arguments.Add(newArgument);
        command.SetAction(async (parse, cancellationToken) =>
        {
            RunComparison comparison;
            try
            {
                comparison = RunComparison.Of(RunReader.Read(parse.GetValue(oldArgument)!), RunReader.Read(parse.GetValue(newArgument)!));
            }
            catch (HistoryInputException exception)
            {
                await Console.Error.WriteLineAsync($"harness: {exception.Message}");
                return ExitCodes.BadInput;
            }
            await Console.Out.WriteAsync(ComparisonText.Render(comparison).AsMemory(), cancellationToken);
            return comparison.Worse ? ExitCodes.ExpectationNotMet : ExitCodes.AllMet;
        });
        return command;
    }
}
