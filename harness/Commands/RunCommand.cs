using System.CommandLine;

namespace Harness.Commands;

/// <summary><c>harness run</c>: boots every kernel of a matrix and prints the table.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var matrix = new Option<string?>("--matrix", "-m") { Description = "The kernels.yaml to run (default: kernels.yaml of the checkout)." };
        var command = new Command("run", "Boot every kernel of the matrix under QEMU, run the guest, and print PASS/FAIL by kernel version.")
        {
            matrix,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(ExitCodes.BadInput));
        return command;
    }
}
