using System.CommandLine;
using Harness.Config;
using Harness.Doctor;
using Harness.Running;

namespace Harness.Commands;

/// <summary><c>harness doctor</c>: checks everything a run needs, one line per check with its evidence.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var matrixOption = CommonOptions.Matrix("check for");
        var cacheOption = CommonOptions.Cache();
        var resultsOption = CommonOptions.Results();
        resultsOption.Description = "The results folder a run would write to, whose free space is checked (default: results/ of the checkout).";
        var qemuOption = CommonOptions.Qemu();
        var command = new Command("doctor",
            "Check what a run needs (QEMU, KVM or TCG with its proof, busybox, the NativeAOT toolchain, the Debian archive, build tools, disk) and say what to install or fix.")
        {
            matrixOption, cacheOption, resultsOption, qemuOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var layout = RepositoryLayout.Locate();
            var matrix = MatrixLoader.Load(parse.GetValue(matrixOption) ?? layout.DefaultMatrix);
            var settings = new RunSettings(
                layout.Root,
                matrix,
                matrix.Defaults.Accel,
                Path.GetFullPath(parse.GetValue(cacheOption) ?? RepositoryLayout.DefaultCache),
                Path.GetFullPath(parse.GetValue(resultsOption) ?? layout.DefaultResults),
                parse.GetValue(qemuOption));

            var checks = new List<CheckResult>();
            var doctor = new Checkup(settings, step => Console.WriteLine($"      · {step}"), TimeProvider.System);
            await foreach (var check in doctor.RunAsync(cancellationToken))
            {
                Console.WriteLine(DoctorText.Line(check));
                checks.Add(check);
            }
            var report = new DoctorReport(checks);
            foreach (var line in DoctorText.Verdict(report))
                Console.WriteLine(line);
            return report switch
            {
                { Ready: true } => ExitCodes.AllMet,
                { MissesPrograms: true } => ExitCodes.MissingPrerequisite,
                _ => ExitCodes.Environment,
            };
        });
        return command;
    }
}
