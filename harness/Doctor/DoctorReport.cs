namespace Harness.Doctor;

/// <summary>Every check's line, and what follows from them: whether a run could work, and what to install or fix.</summary>
public sealed record DoctorReport(IReadOnlyList<CheckResult> Checks)
{
    /// <summary>A run could work: no check failed (warnings and skipped checks allowed).</summary>
    public bool Ready => Checks.All(c => c.Status != CheckStatus.Fail);

    /// <summary>Some check failed because a host program is missing.</summary>
    public bool MissesPrograms => Checks.Any(c => c.IsMissingProgram);

    /// <summary>The packages to install, once each, in the order the checks named them.</summary>
    public IReadOnlyList<string> PackagesToInstall => Checks.Where(c => c.IsMissingProgram).SelectMany(c => c.Packages).Distinct().ToList();

    public int Warnings => Checks.Count(c => c.Status == CheckStatus.Warn);
}
