using System.CommandLine;
using Harness.Running;
using Harness.Soak;

namespace Harness.Commands;

/// <summary><c>harness soak</c>: runs the matrix round after round for a while and reports what changed and what the harness leaked.</summary>
public static class SoakCommand
{
    public static Command Create()
    {
        var options = new RunOptions();
        var minutesOption = new Option<double>("--minutes")
        {
            Description = "How long to go on starting rounds (decimals allowed); the round in progress when the time is up is finished. At least two rounds run.",
            Required = true,
        };
        minutesOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 7 * 24 * 60))
                result.AddError("--minutes takes a time from 0 to a week (10080), decimals allowed");
        });
        var command = new Command("soak", "Run the matrix again and again until the time is up; report every cell whose outcome changed between rounds, and the harness's memory and open files at start and end.");
        command.Options.Add(minutesOption);
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clock = TimeProvider.System;
            var settings = options.Read(parse);
            var session = await RunSession.OpenAsync(settings, Console.WriteLine, clock, cancellationToken);
            var folder = SoakFolder.Create(settings.ResultsRoot, clock.GetUtcNow());
            var report = await new SoakRunner(session, clock, Console.WriteLine)
                .RunAsync(TimeSpan.FromMinutes(parse.GetValue(minutesOption)), folder, cancellationToken);
            // Written also when interrupted: the finished rounds are what the soak learned.
            await SoakFolder.WriteAsync(folder, report, CancellationToken.None);

            Console.WriteLine();
            Console.Write(SoakMarkdown.Render(report));
            Console.WriteLine();
            Console.WriteLine($"soak report: {Path.Combine(folder, SoakFolder.MarkdownName)} and {SoakFolder.JsonName}");
            return report switch
            {
                { Interrupted: true } => ExitCodes.Cancelled,
                { Steady: true } => ExitCodes.AllMet,
                _ => ExitCodes.ExpectationNotMet,
            };
        });
        return command;
    }
}
