namespace Guest.Scenarios.MigrationStorm;

/// <summary>Starts the storm once every worker is registered and pinned, and stops it.</summary>
internal sealed class StormControl(int workers) : IDisposable
{
    readonly CountdownEvent ready = new(workers);
    readonly ManualResetEventSlim started = new(false);
    volatile bool stopping;

    public bool Stopping => stopping;

    public void SignalReady() => ready.Signal();

    public bool WaitUntilReady(TimeSpan timeout) => ready.Wait(timeout);

    public void WaitForStart() => started.Wait();

    public void Start() => started.Set();

    /// <summary>Stops everyone; also releases threads still waiting for the start.</summary>
    public void Stop()
    {
        stopping = true;
        started.Set();
    }

    public void Dispose()
    {
        ready.Dispose();
        started.Dispose();
    }
}
