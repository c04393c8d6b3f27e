using System.CommandLine;
using Harness.Records;
using Harness.Reports;
using Harness.Running;
using Harness.Running.Progress;
using Harness.Sharding;

namespace Harness.Commands;

/// <summary><c>harness run</c>: boots every kernel of a matrix and prints the table.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new RunOptions();
        var shardOptions = new ShardOptions();
        var repeatOption = new Option<int>("--repeat") { Description = "Boot each kernel this many times (to show flaky verdicts).", DefaultValueFactory = _ => 1 };
        repeatOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
                result.AddError("--repeat takes a count from 1 to 1000");
        });
        var command = new Command("run", "Boot every kernel of the matrix under QEMU, run the guest, and print PASS/FAIL by kernel version.");
        foreach (var option in options.All)
            command.Options.Add(option);
        command.Options.Add(repeatOption);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Oversubscribe);
        command.Options.Add(options.Progress);
        foreach (var option in shardOptions.All)
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var whole = options.Read(parse);
            var cut = ShardedMatrix.Cut(whole.Matrix, shardOptions.ReadShard(parse));
            var settings = whole with { Matrix = cut.Matrix };
            if (cut.Shard is { } shard)
                Console.WriteLine($"shard {shard}: {string.Join(", ", cut.Matrix.Kernels.Select(k => k.Name))} of the matrix's {shard.MatrixKernels.Count} kernels");
            var live = ProgressModeChoice.ForThisProcess(parse.GetValue(options.Progress)) == ProgressMode.Live
                ? new LiveProgressSink(Spectre.Console.AnsiConsole.Console, TimeProvider.System)
                : null;
            IProgressSink progress = live is null ? new PlainProgressSink(Console.WriteLine) : live;
            var session = await RunSession.OpenAsync(settings, progress.Line, TimeProvider.System, cancellationToken, progress.Kernel);
            var folder = RunFolder.Create(settings.ResultsRoot, TimeProvider.System.GetUtcNow(), TableExporter.Standard,
                shardOptions.ReadRunId(parse), cut.MatrixSha256, cut.Shard);
            var repeats = parse.GetValue(repeatOption);
            var parallelism = VmParallelism.For(settings.Matrix, repeats, parse.GetValue(options.Jobs), parse.GetValue(options.Oversubscribe));
            if (parallelism.Note is { } note)
                Console.WriteLine(note);
            var record = live is null
                ? await session.RunAsync(repeats, folder, cancellationToken, parallelism.Jobs)
                : await live.ShowWhileAsync(() => session.RunAsync(repeats, folder, cancellationToken, parallelism.Jobs), cancellationToken);
            await StepSummary.AppendAsync(record, cancellationToken);

            Console.WriteLine();
            return RunEnding.Print(record, $"results: {folder.Path}");
        });
        return command;
    }
}
