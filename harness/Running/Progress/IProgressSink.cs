namespace Harness.Running.Progress;

/// <summary>Where a run reports: its one-line messages and every kernel's phase changes.</summary>
/// <remarks>Called from several boots at once (-j) and from QEMU's output reader: implementations are thread-safe.</remarks>
public interface IProgressSink
{
    void Line(string line);

    void Kernel(KernelProgress progress);
}
