namespace Harness.Vm;

/// <summary>When, relative to the guest, the kernel printed a finding (see <see cref="ConsoleTimeline"/>).</summary>
public enum ConsoleWindow
{
    /// <summary>The console has no guest markers (an older guest image, or a kernel that died before /init): no place can be told.</summary>
    Unmarked,

    /// <summary>Before /init started the guest.</summary>
    Boot,

    /// <summary>Between a scenario's begin and end markers.</summary>
    Scenario,

    /// <summary>While the guest ran but no scenario did: before the first, between two, or after the last before the guest's done marker.</summary>
    BetweenScenarios,

    /// <summary>After the guest's done marker (or, without one, /init's "guest exited" line): shutdown and reboot.</summary>
    AfterGuest,
}

/// <summary>Where one finding sits: its console line, its window, and the scenario that ran (or, between scenarios, the last one that ended).</summary>
public sealed record FindingPlace(int LineNumber, ConsoleWindow Window, string? Scenario = null);
