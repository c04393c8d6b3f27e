using System.CommandLine;
using Harness.Commands;

var root = new RootCommand("Boots a matrix of Linux kernels under QEMU and tests whether rseq cpu_id is reliable on each.")
{
    RunCommand.Create(),
    SetupCommand.Create(),
    DoctorCommand.Create(),
    SoakCommand.Create(),
};
using var signals = new TerminationSignals();
return await signals.ExitStatusAsync(await CommandLineErrors.InvokeAsync(root, args), CancellationToken.None);
