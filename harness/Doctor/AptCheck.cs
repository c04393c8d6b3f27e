using System.Diagnostics;
using Harness.Config;
using Harness.Kernels;
using Harness.Kernels.Debian;

namespace Harness.Doctor;

/// <summary>
/// Whether the Debian archive answers for every suite the matrix names: <c>apt-get update</c> against
/// the suite's private apt state in the cache, as a run does when its lists are old, with the mirror
/// the host's apt is configured with. A success refreshes the lists, so the next run need not.
/// </summary>
/// <param name="etcApt">The host's apt configuration the mirror is read from.</param>
public sealed class AptCheck(string cacheRoot, TimeProvider clock, string etcApt = "/etc/apt")
{
    public const string Name = "apt";

    /// <summary>The suites the matrix fetches from, kernel images and kernel sources alike, in file order.</summary>
    public static IReadOnlyList<string> SuitesOf(Matrix matrix) =>
        matrix.Kernels
            .Select(k => k.Source switch
            {
                DebianKernelSource debian => debian.Suite,
                BuildKernelSource { Tree: DebianSourceTree tree } => tree.Suite,
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();

    public async Task<IReadOnlyList<CheckResult>> RunAsync(Matrix matrix, CancellationToken ct)
    {
        var suites = SuitesOf(matrix);
        if (suites.Count == 0)
            return [CheckResult.Ok(Name, "not needed: no Debian kernels in the matrix")];
        ArchiveMirror mirror;
        try
        {
            mirror = ArchiveMirror.FromHost(etcApt);
        }
        catch (KernelAcquisitionException e)
        {
            return [CheckResult.Broken(Name, e.Message, $"add the Debian archive to the host's apt sources ({etcApt})")];
        }
        var results = new List<CheckResult>();
        foreach (var suite in suites)
            results.Add(await UpdateAsync(suite, mirror, ct));
        return results;
    }

    async Task<CheckResult> UpdateAsync(string suite, ArchiveMirror mirror, CancellationToken ct)
    {
        if (!KernelPackageRules.IsSafeName(suite))
            return CheckResult.Broken(Name, $"'{suite}' is not a valid Debian suite name", "correct the suite in the matrix");
        // A run on the same cache may be using this suite's apt state right now: wait for it, as the fetchers do.
        var suites = new SuiteApt(cacheRoot, () => mirror, KernelProvider.DefaultMaxListAge, clock, _ => { }, new());
        return await suites.UseAsync(suite, session => UpdateAsync(session, suite, ct), ct);
    }

    // Always updates, fresh lists or not: the doctor checks that the archive answers now.
    static async Task<CheckResult> UpdateAsync(SuiteApt.Session session, string suite, CancellationToken ct)
    {
        var earlier = session.ListsUpdatedAt;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await session.UpdateListsAsync(ct);
            return CheckResult.Ok(Name, $"{suite}: apt-get update from the host's Debian mirror in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }
        catch (KernelAcquisitionException e) when (earlier is not null)
        {
            return CheckResult.Warn(Name,
                $"{suite}: {e.Message}",
                $"a run would fall back to {suite}'s lists of {earlier:yyyy-MM-dd HH:mm} UTC and only the kernels cached from them");
        }
        catch (KernelAcquisitionException e)
        {
            return CheckResult.Broken(Name, $"{suite}: {e.Message}", "check the network and the host's apt sources ('apt-get update' as root shows the same)");
        }
    }
}
