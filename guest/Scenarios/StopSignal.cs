namespace Guest.Scenarios;

/// <summary>
/// Tells a scenario's worker threads to stop before their deadline, once the main thread saw
/// enough stress (or a confirmed FAIL). One volatile read per loop: cheap beside a system call.
/// </summary>
internal sealed class StopSignal
{
    volatile bool set;

    public bool IsSet => set;

    public void Set() => set = true;
}
