namespace Harness.GuestImage;

/// <summary>
/// Receives a child process's stdout and stderr lines (from two pipe readers at once), writes
/// them whole to a log file, and keeps the last few to quote in an error message.
/// </summary>
internal sealed class OutputLog(string path, int tailLength) : IDisposable
{
    private readonly StreamWriter _file = new(path, append: false);
    private readonly Queue<string> _tail = new();
    private readonly Lock _lock = new();

    public void Add(string line)
    {
        lock (_lock)
        {
            _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > tailLength)
                _tail.Dequeue();
        }
    }

    public IReadOnlyList<string> Tail()
    {
        lock (_lock)
            return [.. _tail];
    }

    public void Dispose() => _file.Dispose();
}
