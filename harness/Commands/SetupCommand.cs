using System.CommandLine;
using Harness.Config;
using Harness.Prerequisites;

namespace Harness.Commands;

/// <summary><c>harness setup</c>: installs what the run (and, with --tests, the test suite) needs.</summary>
public static class SetupCommand
{
    public static Command Create()
    {
        var forTests = new Option<bool>("--tests") { Description = "Also install what the test suite needs (cpio, chromium for the report's browser test, and the kernel build tools its VM tests use)." };
        var matrixOption = new Option<string?>("--matrix", "-m") { Description = "The kernels.yaml to prepare for (default: kernels.yaml of the checkout); kernels built from source add the build tools." };
        var command = new Command("setup", "Install the host packages the harness needs (QEMU, busybox-static, …) through apt when they are missing.")
        {
            forTests, matrixOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var matrix = MatrixLoader.Load(parse.GetValue(matrixOption) ?? RepositoryLayout.Locate().DefaultMatrix);
            // The VM tests build a 5.10 kernel from source, so the test suite always needs the build tools.
            var requirements = parse.GetValue(forTests)
                ? [.. new[] { Requirements.ForTests, Requirements.ForDebianKernels, Requirements.ForKernelBuild }.SelectMany(r => r).DistinctBy(r => r.Command)]
                : Requirements.ForMatrix(Requirements.ForRun, matrix);
            await new AptInstaller(Console.WriteLine).EnsureAsync(requirements, cancellationToken);
            Console.WriteLine($"ready: {string.Join(", ", requirements.Select(r => r.Command))}");
            return ExitCodes.AllMet;
        });
        return command;
    }
}
