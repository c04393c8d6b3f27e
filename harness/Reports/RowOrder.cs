using Harness.Judging;
using Harness.Records;

namespace Harness.Reports;

/// <summary>
/// The order every report lists a run's kernels in: by kernel version (<see cref="ReleaseOrder"/>,
/// so 5.10 before 6.1 before 6.12), a kernel's repeats together and in order, and kernels that
/// never reported a release (not fetched, not booted) last. Equal versions keep the matrix's order.
/// </summary>
public static class RowOrder
{
    public static IReadOnlyList<KernelResult> Of(IEnumerable<KernelResult> kernels)
    {
        var boots = kernels.ToList();
        // A kernel sorts by the release any of its boots saw, so a repeat that failed to boot stays with the others.
        var releases = boots.GroupBy(k => k.Name)
            .ToDictionary(g => g.Key, g => g.Select(k => k.KernelRelease).FirstOrDefault(r => r is not null));
        return boots
            .OrderBy(k => releases[k.Name] is null)
            .ThenBy(k => releases[k.Name] ?? "", ReleaseOrder.Instance)
            .ThenBy(k => boots.FindIndex(first => first.Name == k.Name))
            .ThenBy(k => k.Repeat)
            .ToList();
    }

    /// <summary>A row's name: the kernel's, with the repeat's number from the second boot on ("sid #2").</summary>
    public static string Label(KernelResult kernel) => kernel.Repeat == 1 ? kernel.Name : $"{kernel.Name} #{kernel.Repeat}";
}
