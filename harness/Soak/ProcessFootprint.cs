namespace Harness.Soak;

/// <summary>The harness's own memory and file descriptors at one moment; a soak compares its start with its end so a leak shows.</summary>
/// <param name="GcHeapBytes">The managed heap after a full collection: what is still reachable, not garbage waiting to be collected.</param>
/// <param name="OpenFileDescriptors">Entries of /proc/self/fd (the listing's own descriptor among them, at every measurement alike).</param>
public sealed record ProcessFootprint(long WorkingSetBytes, long GcHeapBytes, int OpenFileDescriptors)
{
    const string DescriptorFolder = "/proc/self/fd";

    public static ProcessFootprint Measure()
    {
        // Collect first, so the working set is read after the collection too.
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return new ProcessFootprint(Environment.WorkingSet, heap, Directory.EnumerateFileSystemEntries(DescriptorFolder).Count());
    }
}
