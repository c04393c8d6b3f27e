namespace Harness.Doctor;

/// <summary>The doctor's report as terminal lines: one per check, then what to install or fix.</summary>
public static class DoctorText
{
    /// <summary>"ok    qemu        QEMU emulator version 7.2.22 (…)": status, check, evidence.</summary>
    public static string Line(CheckResult check) => $"{Word(check.Status),-5} {check.Check,-11} {check.Evidence}";

    public static IReadOnlyList<string> Verdict(DoctorReport report)
    {
        var lines = new List<string>();
        if (report.PackagesToInstall is { Count: > 0 } packages)
            lines.Add($"install: apt-get install {string.Join(" ", packages)} (as root; 'harness setup' installs the Debian ones)");
        foreach (var check in report.Checks.Where(c => c.Fix is not null && c.Status is CheckStatus.Fail or CheckStatus.Warn))
            lines.Add($"{(check.Status == CheckStatus.Fail ? "fix" : "note")} ({check.Check}): {check.Fix}");
        lines.Add(report switch
        {
            { Ready: false } => "not ready: a run would fail here; see the FAIL lines above",
            { Warnings: > 0 } => $"ready: a run can work here ({report.Warnings} warning{(report.Warnings == 1 ? "" : "s")})",
            _ => "ready: a run can work here",
        });
        return lines;
    }

    static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warn => "warn",
        CheckStatus.Fail => "FAIL",
        _ => "skip",
    };
}
