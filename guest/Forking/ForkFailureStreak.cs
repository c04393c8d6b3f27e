namespace Guest.Forking;

/// <summary>
/// Counts fork failures in a row: a few are worth retrying (EAGAIN under load), a streak means the
/// guest cannot fork at all and the scenario should stop instead of spinning to its deadline.
/// </summary>
internal struct ForkFailureStreak
{
    public const int Limit = 10;

    public int Length { get; private set; }

    /// <summary>Counts one more failure; true once the streak has reached <see cref="Limit"/>.</summary>
    public bool RecordFailure() => ++Length >= Limit;

    public void RecordSuccess() => Length = 0;
}
