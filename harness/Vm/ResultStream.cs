using Protocol;

namespace Harness.Vm;

/// <summary>
/// Collects the guest's KTAP stream from the raw lines of the result port, and signals when it
/// begins (the version line) and when it is complete (the done line).
/// </summary>
/// <remarks>Lines before the version line are port noise (or a stray line from firmware) and lines
/// after the done line cannot belong to the stream; neither is kept, so no such line can be taken
/// for a result. Fed by a single pipe reader; read once that reader has finished.</remarks>
internal sealed class ResultStream
{
    readonly List<string> _lines = [];
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;
    public Task Finished => _finished.Task;
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>When the version line arrived, on the clock passed to <see cref="Add"/>.</summary>
    public TimeSpan? StartedAt { get; private set; }

    /// <summary>When /init's "running the guest" line arrived, before the stream; null when it did not.</summary>
    public TimeSpan? GuestStartAt { get; private set; }

    /// <summary>When the done line arrived, on the same clock.</summary>
    public TimeSpan? FinishedAt { get; private set; }

    public void Add(string rawLine, TimeSpan now)
    {
        if (_finished.Task.IsCompleted)
            return;
        // The serial line turns \n into \r\n and may carry NULs while the UART settles.
        var line = rawLine.Replace("\0", "").TrimEnd();
        if (!_started.Task.IsCompleted)
        {
            if (!KtapLines.IsVersion(line))
            {
                if (line.Contains(GuestImage.InitScript.GuestStartMarker, StringComparison.Ordinal))
                    GuestStartAt ??= now;
                return;
            }
            StartedAt = now;
            _started.TrySetResult();
        }
        if (line.Length == 0)
            return;
        _lines.Add(line);
        if (KtapLines.TryParseDone(line, out _))
        {
            FinishedAt = now;
            _finished.TrySetResult();
        }
    }
}
