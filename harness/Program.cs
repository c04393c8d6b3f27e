using System.CommandLine;
using Harness.Commands;

var root = new RootCommand("Boots a matrix of Linux kernels under QEMU and tests whether rseq cpu_id is reliable on each.")
{
    RunCommand.Create(),
    SetupCommand.Create(),
    DoctorCommand.Create(),
    SoakCommand.Create(),
    MergeCommand.Create(),
    BisectCommand.Create(),
    BisectStepCommand.Create(),
    ReportCommand.Create(),
    HistoryCommand.Create(),
    CompareCommand.Create(),
};
using var signals = new TerminationSignals();
var status = await signals.ExitStatusAsync(await CommandLineErrors.InvokeAsync(root, args), CancellationToken.None);
// Under git bisect run the harness's own failures must stop the bisect, never mark a commit bad.
return args.FirstOrDefault() == BisectStepCommand.Name ? BisectExitCodes.FromHarness(status) : status;
