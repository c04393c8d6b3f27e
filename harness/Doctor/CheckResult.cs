namespace Harness.Doctor;

public enum CheckStatus
{
    Ok,
    Warn,
    Fail,
    /// <summary>Not checked, because what it needs failed above.</summary>
    Skipped,
}

/// <summary>One line of <c>harness doctor</c>: a check, its status and the evidence behind it.</summary>
/// <param name="Packages">For a FAIL because a host program is missing: the Debian packages that bring it.</param>
/// <param name="Fix">What to do about a FAIL or a warning that no package cures.</param>
public sealed record CheckResult(string Check, CheckStatus Status, string Evidence, IReadOnlyList<string> Packages, string? Fix)
{
    public static CheckResult Ok(string check, string evidence) => new(check, CheckStatus.Ok, evidence, [], null);

    public static CheckResult Warn(string check, string evidence, string? fix = null) => new(check, CheckStatus.Warn, evidence, [], fix);

    /// <summary>A host program is missing: installing <paramref name="packages"/> cures it.</summary>
    public static CheckResult Missing(string check, string evidence, params IReadOnlyList<string> packages) =>
        new(check, CheckStatus.Fail, evidence, packages, null);

    /// <summary>The host's environment is wrong (network, disk, KVM, a broken tool): <paramref name="fix"/> says what to do.</summary>
    public static CheckResult Broken(string check, string evidence, string fix) => new(check, CheckStatus.Fail, evidence, [], fix);

    public static CheckResult Skipped(string check, string why) => new(check, CheckStatus.Skipped, why, [], null);

    /// <summary>A FAIL that installing packages cures (exit status 3 rather than 4).</summary>
    public bool IsMissingProgram => Status == CheckStatus.Fail && Packages.Count > 0;
}
