using Harness.Judging;
using System.CommandLine;
using Harness.Bisect;
using Harness.Records;

namespace Harness.Commands;

/// <summary>
/// <c>harness bisect-step</c>, for <c>git bisect run</c>: builds the commit the tree has checked
/// out, boots it with the guest, and exits 0 (good), 1 (bad) or 125 (untestable); 128 and up for
/// a failure of the harness (see <see cref="BisectExitCodes"/>), which stops git bisect run.
/// </summary>
public static class BisectStepCommand
{
    public const string Name = "bisect-step";

    /// <summary>Where the steps of <c>git bisect run</c> (a process each) keep bisect.log and their consoles, under --results.</summary>
    public const string FolderName = "bisect-step";

    public static Command Create()
    {
        var options = new BisectOptions();
        var treeOption = new Option<string>("--tree") { Description = "The kernel git work tree (default: the working directory, as git bisect run leaves it).", DefaultValueFactory = _ => "." };
        var command = new Command(Name, "Build and boot the commit a kernel git tree has checked out and exit as git bisect run expects: 0 good, 1 bad, 125 untestable, 128+ harness error.");
        command.Options.Add(treeOption);
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var git = await KernelTreeCheck.OpenAsync(parse.GetValue(treeOption)!, cancellationToken);
            var settings = options.Read(parse, git.Directory);
            var session = await options.OpenSessionAsync(parse, settings, Console.WriteLine, cancellationToken);
            var folder = RunFolder.Open(session.Settings.ResultsRoot, FolderName);
            var record = await new BisectStep(session, settings, folder, Console.WriteLine, TimeProvider.System).RunAsync(cancellationToken);
            Console.WriteLine($"{record.ShortCommit} {BisectStep.Word(record.Verdict)}: {record.Evidence} (log: {Path.Combine(folder.Path, BisectLog.FileName)})");
            return record.Verdict switch
            {
                KernelJudgement.Good => BisectExitCodes.Good,
                KernelJudgement.Bad => BisectExitCodes.Bad,
                _ => BisectExitCodes.Untestable,
            };
        });
        return command;
    }
}
