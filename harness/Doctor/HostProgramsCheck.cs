using Harness.GuestImage;
using Harness.Prerequisites;
using Harness.Vm;

namespace Harness.Doctor;

/// <summary>
/// The programs every run refuses to start without (<see cref="Requirements.ForRun"/>), besides QEMU
/// and busybox, which have lines of their own with more evidence.
/// </summary>
public static class HostProgramsCheck
{
    public const string Name = "programs";

    public static CheckResult Run(string? pathVariable = null)
    {
        var needed = Requirements.ForRun
            .Where(r => r.Command is not (QemuRunner.DefaultQemu or BusyboxCheck.Command))
            .ToList();
        var missing = PathSearch.Missing(needed, pathVariable);
        if (missing.Count > 0)
            return CheckResult.Missing(Name,
                $"not on PATH: {string.Join(", ", missing.Select(r => $"{r.Command} ({r.Why})"))}",
                [.. missing.Select(r => r.Package).Distinct()]);
        return CheckResult.Ok(Name, $"{string.Join(", ", needed.Select(r => r.Command))} on PATH");
    }
}
