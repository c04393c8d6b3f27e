namespace Harness.Running.Progress;

/// <summary>
/// For a CI log or a redirected output: the run's one-line messages exactly as before the live view
/// existed (logs and the tests that read them stay valid), and no escape codes. Phase changes add no
/// line: the start and the verdicts of each kernel already have theirs.
/// </summary>
public sealed class PlainProgressSink(Action<string> write) : IProgressSink
{
    readonly Lock _gate = new();

    public void Line(string line)
    {
        // Two boots of -j may end at once; their lines must not interleave.
        lock (_gate)
            write(line);
    }

    public void Kernel(KernelProgress progress)
    {
    }
}
