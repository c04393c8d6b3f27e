using System.CommandLine;
using Harness.Prerequisites;

namespace Harness.Commands;

/// <summary><c>harness setup</c>: installs what the run (and, with --tests, the test suite) needs.</summary>
public static class SetupCommand
{
    public static Command Create()
    {
        var forTests = new Option<bool>("--tests") { Description = "Also install what the test suite needs (cpio)." };
        var command = new Command("setup", "Install the host packages the harness needs (QEMU, busybox-static, …) through apt when they are missing.")
        {
            forTests,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var requirements = parse.GetValue(forTests) ? Requirements.ForTests : Requirements.ForRun;
            await new AptInstaller(Console.WriteLine).EnsureAsync(requirements, cancellationToken);
            Console.WriteLine($"ready: {string.Join(", ", requirements.Select(r => r.Command))}");
            return ExitCodes.AllMet;
        });
        return command;
    }
}
