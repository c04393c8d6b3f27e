using System.CommandLine;
using Harness.Bisect;
using Harness.Config;
using Harness.Records;

namespace Harness.Commands;

/// <summary>
/// <c>harness bisect --tree DIR --good REV --bad REV</c>: checks both ends, bisects with
/// <see cref="BisectStep"/>, prints the first bad commit and the steps, and writes bisect.json and
/// bisect.md into results/&lt;run-id&gt;/. <c>harness bisect --matrix FILE --good NAME --bad NAME</c>
/// does the same over a matrix's kernels in version order, by boots alone (<see cref="MatrixBisection"/>).
/// Exits 0 when it named a first bad commit or kernel, 1 when it could not (ends that do not check
/// out, only untestable ones left), and as other verbs on errors.
/// </summary>
public static class BisectCommand
{
    public static Command Create()
    {
        var options = new BisectOptions();
        var treeOption = new Option<string?>("--tree") { Description = "The kernel git work tree to bisect (or --matrix)." };
        var matrixOption = new Option<string?>("--matrix") { Description = "Bisect the kernels of this matrix instead, in version order, by boots alone (or --tree)." };
        var goodOption = new Option<string>("--good") { Description = "A revision (with --tree) or a kernel's name (with --matrix) that PASSes the scenarios.", Required = true };
        var badOption = new Option<string>("--bad") { Description = "A later revision, or a later kernel's name, that FAILs them.", Required = true };
        var command = new Command("bisect", "Find the commit of a kernel git tree, or the kernel of a matrix, that made the chosen scenarios FAIL: checks both ends, then tests the ones in between by halves.");
        command.Options.Add(treeOption);
        command.Options.Add(matrixOption);
        command.Options.Add(goodOption);
        command.Options.Add(badOption);
        foreach (var option in options.All)
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(treeOption) is null) == (result.GetValue(matrixOption) is null))
                result.AddError("give either --tree (bisect commits) or --matrix (bisect a matrix's kernels)");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var good = parse.GetValue(goodOption)!;
            var bad = parse.GetValue(badOption)!;
            var report = parse.GetValue(matrixOption) is { } matrixPath
                ? await BisectMatrixAsync(parse, options, matrixPath, good, bad, cancellationToken)
                : await BisectTreeAsync(parse, options, parse.GetValue(treeOption)!, good, bad, cancellationToken);
            return report.Conclusion == BisectConclusion.FirstBadFound ? ExitCodes.AllMet : ExitCodes.ExpectationNotMet;
        });
        return command;
    }

    static async Task<BisectReport> BisectTreeAsync(ParseResult parse, BisectOptions options, string tree, string good, string bad, CancellationToken cancellationToken)
    {
        var git = await KernelTreeCheck.OpenAsync(tree, cancellationToken);
        var settings = options.Read(parse, git.Directory);
        var session = await options.OpenSessionAsync(parse, settings, Console.WriteLine, cancellationToken);
        var folder = RunFolder.Create(session.Settings.ResultsRoot, TimeProvider.System.GetUtcNow());
        var step = new BisectStep(session, settings, folder, Console.WriteLine, TimeProvider.System);
        var driver = new BisectDriver(git, step, folder.RunId, AccelName(session), Console.WriteLine);
        return await FinishAsync(folder, () => driver.RunAsync(good, bad, cancellationToken), () => driver.Interrupted, cancellationToken);
    }

    static async Task<BisectReport> BisectMatrixAsync(ParseResult parse, BisectOptions options, string matrixPath, string good, string bad, CancellationToken cancellationToken)
    {
        var settings = options.ReadMatrix(parse);
        var matrix = MatrixLoader.Load(matrixPath);
        var session = await options.OpenSessionAsync(parse, matrix, Console.WriteLine, cancellationToken);
        var folder = RunFolder.Create(session.Settings.ResultsRoot, TimeProvider.System.GetUtcNow());
        var order = await KernelOrder.OfAsync(matrix, session.Kernels, Console.WriteLine, cancellationToken);
        var tester = new MatrixKernelTester(session, settings, folder, Console.WriteLine, TimeProvider.System);
        var bisection = new MatrixBisection(tester, settings, folder.RunId, AccelName(session), Console.WriteLine);
        return await FinishAsync(folder, () => bisection.RunAsync(matrix.FilePath, order, good, bad, cancellationToken), () => bisection.Interrupted, cancellationToken);
    }

    /// <summary>Runs the bisect, writes and prints its report; on Ctrl-C writes what the steps so far learned, as a run keeps its finished kernels.</summary>
    static async Task<BisectReport> FinishAsync(RunFolder folder, Func<Task<BisectReport>> bisect, Func<BisectReport?> interrupted, CancellationToken cancellationToken)
    {
        BisectReport report;
        try
        {
            report = await bisect();
        }
        catch (OperationCanceledException) when (interrupted() is { } partial)
        {
            await BisectFiles.WriteAsync(folder.Path, partial, CancellationToken.None);
            throw;
        }
        await BisectFiles.WriteAsync(folder.Path, report, cancellationToken);
        Console.WriteLine();
        Console.Write(BisectMarkdown.Render(report));
        Console.WriteLine();
        Console.WriteLine($"results: {Path.Combine(folder.Path, BisectFiles.MarkdownName)} and {BisectFiles.JsonName}");
        return report;
    }

    static string AccelName(Running.RunSession session) => session.Settings.Accel.ToString().ToLowerInvariant();
}
