namespace Harness.Tests.Running.Progress;

/// <summary>A clock that moves only when told, so the live table's elapsed times are known.</summary>
sealed class SteppedClock : TimeProvider
{
    long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
