namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// Holds node_id_mm_cid's samplers while the main thread checks what they have recorded. Under
/// TCG the check, competing with a busy sampler on every vCPU, took a second or more while the
/// samplers recorded 20 times the intervals asked for; paused, they leave it the CPUs. A sampler
/// that waits here is switched out, so the interval around the wait is marked disturbed, as any
/// other switch: the pause cannot make an interval look undisturbed.
/// </summary>
internal sealed class SamplingGate : IDisposable
{
    readonly ManualResetEventSlim open = new(true);

    /// <summary>A sampler calls this between intervals; it returns at once unless the gate is closed.</summary>
    public void PassThrough()
    {
        if (!open.IsSet)
            open.Wait();
    }

    public void Close() => open.Reset();

    public void Open() => open.Set();

    public void Dispose() => open.Dispose();
}
