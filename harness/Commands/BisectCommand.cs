using System.CommandLine;
using Harness.Bisect;
using Harness.Records;

namespace Harness.Commands;

/// <summary>
/// <c>harness bisect --tree DIR --good REV --bad REV</c>: checks both ends, bisects with
/// <see cref="BisectStep"/>, prints the first bad commit and the steps, and writes bisect.json and
/// bisect.md into results/&lt;run-id&gt;/. Exits 0 when it named a first bad commit, 1 when it could
/// not (ends that do not check out, only untestable commits left), and as other verbs on errors.
/// </summary>
public static class BisectCommand
{
    public static Command Create()
    {
        var options = new BisectOptions();
        var treeOption = new Option<string>("--tree") { Description = "The kernel git work tree to bisect.", Required = true };
        var goodOption = new Option<string>("--good") { Description = "A revision that PASSes the scenarios.", Required = true };
        var badOption = new Option<string>("--bad") { Description = "A later revision that FAILs them.", Required = true };
        var command = new Command("bisect", "Find the commit of a kernel git tree that made the chosen scenarios FAIL: checks both ends, then builds and boots the commits git bisect picks.");
        command.Options.Add(treeOption);
        command.Options.Add(goodOption);
        command.Options.Add(badOption);
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var git = await KernelTreeCheck.OpenAsync(parse.GetValue(treeOption)!, cancellationToken);
            var settings = options.Read(parse, git.Directory);
            var session = await options.OpenSessionAsync(parse, settings, Console.WriteLine, cancellationToken);
            var folder = RunFolder.Create(session.Settings.ResultsRoot, TimeProvider.System.GetUtcNow());
            var step = new BisectStep(session, settings, folder, Console.WriteLine, TimeProvider.System);
            var accel = session.Settings.Accel.ToString().ToLowerInvariant();
            var driver = new BisectDriver(git, step, folder.RunId, accel, Console.WriteLine);
            BisectReport report;
            try
            {
                report = await driver.RunAsync(parse.GetValue(goodOption)!, parse.GetValue(badOption)!, cancellationToken);
            }
            catch (OperationCanceledException) when (driver.Interrupted is { } partial)
            {
                // What the steps so far learned is kept, as a run keeps its finished kernels.
                await BisectFiles.WriteAsync(folder.Path, partial, CancellationToken.None);
                throw;
            }
            await BisectFiles.WriteAsync(folder.Path, report, cancellationToken);
            Console.WriteLine();
            Console.Write(BisectMarkdown.Render(report));
            Console.WriteLine();
            Console.WriteLine($"results: {Path.Combine(folder.Path, BisectFiles.MarkdownName)} and {BisectFiles.JsonName}");
            return report.Conclusion == BisectConclusion.FirstBadFound ? ExitCodes.AllMet : ExitCodes.ExpectationNotMet;
        });
        return command;
    }
}
