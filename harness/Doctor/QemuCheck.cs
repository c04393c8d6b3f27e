using Harness.Prerequisites;
using Harness.Vm;

namespace Harness.Doctor;

/// <summary>QEMU: there, and answering <c>--version</c> (the version every run records and keys the KVM decision on).</summary>
public static class QemuCheck
{
    public const string Name = "qemu";
    const string Package = "qemu-system-x86";

    /// <param name="explicitPath">The QEMU given with --qemu, or null for the one on PATH.</param>
    /// <returns>The line, and the version when QEMU answered.</returns>
    public static async Task<(CheckResult Result, string? Version)> RunAsync(string? explicitPath, CancellationToken ct)
    {
        var path = explicitPath ?? PathSearch.Find(QemuRunner.DefaultQemu);
        if (path is null)
            return (CheckResult.Missing(Name, $"{QemuRunner.DefaultQemu} is not on PATH", Package), null);
        if (!File.Exists(path))
            return (CheckResult.Missing(Name, $"{path} not found (--qemu)", Package), null);
        try
        {
            // Asked afresh, not through the run's ToolVersionCache: the doctor is the diagnosis, and a
            // kept answer would call a QEMU fine whose shared library has since gone (its own file unchanged).
            var version = await new QemuVersion(path).ReadAsync(ct);
            return (CheckResult.Ok(Name, $"{version} ({path})"), version);
        }
        catch (QemuNotFoundException)
        {
            return (CheckResult.Missing(Name, $"{path} cannot be started", Package), null);
        }
        catch (EnvironmentException e)
        {
            // QemuVersion's word for a QEMU that starts but does not answer (a missing library): one FAIL line, not the doctor's end.
            return (CheckResult.Broken(Name, e.Message, $"reinstall {Package}, or pass a working QEMU with --qemu"), null);
        }
    }
}
