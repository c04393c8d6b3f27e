namespace Guest.Scenarios;

/// <summary>
/// The count a scenario aims for: a minimum it states (the stress a PASS needs) times the run's
/// stress multiple, rounded up. Reaching it only stops the stress early; the verdicts still judge
/// against the minimums alone, so the target never makes a PASS easier or harder to get.
/// </summary>
internal static class StressTarget
{
    /// <remarks>A multiple below 1 counts as 1: the target never sits under the minimum.</remarks>
    public static long Of(long minimum, double multiple) => (long)Math.Ceiling(minimum * Math.Max(1, multiple));
}
