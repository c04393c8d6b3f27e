using System.Globalization;
using Harness.Config;

namespace Harness.Kernels.Debian;

/// <summary>
/// Gets Debian's kernel source for a build: resolves a <c>linux-source-X</c> package of a suite through
/// the suite's private apt state (as for kernel images) and, only when asked, downloads it and keeps its
/// <c>usr/src/linux-source-X.tar.xz</c> in <c>&lt;cache&gt;/kernels/debian-source/&lt;package&gt;_&lt;version&gt;/</c>.
/// </summary>
/// <param name="suites">The per-suite apt states, shared with the kernel image fetcher.</param>
public sealed class DebianSourceFetcher(string cacheRoot, SuiteApt suites, Action<string> log)
{
    private const string TarballName = "linux-source.tar.xz";

    /// <summary>The version the suite has today, as the build identity <c>package=version</c>.</summary>
    public Task<string> ResolveIdentityAsync(DebianSourceTree tree, CancellationToken ct) =>
        WithAptAsync(tree, async suite =>
        {
            // Kept beside the suite's lists, as a kernel image's resolution is (ResolutionMemo).
            if (await ResolutionMemo.TryReadSourceAsync(suite.State, tree, ct) is { } remembered)
                return remembered;
            var record = await suite.Apt.ShowAsync($"{tree.Package}/{tree.Suite}", ct)
                ?? throw new KernelAcquisitionException($"source package '{tree.Package}' not found in {tree.Suite}");
            if (!KernelPackageRules.IsSafeName(record.Version))
                throw new KernelAcquisitionException($"{tree.Package} has an unusable version '{record.Version}'");
            var identity = $"{record.Package}={record.Version}";
            await ResolutionMemo.WriteSourceAsync(suite.State, tree, identity, ct);
            return identity;
        }, ct);

    /// <summary>The tarball of <paramref name="identity"/> (from <see cref="ResolveIdentityAsync"/>), downloaded once.</summary>
    public async Task<string> GetTarballAsync(DebianSourceTree tree, string identity, CancellationToken ct)
    {
        var version = identity[(identity.IndexOf('=') + 1)..];
        var entry = Path.Combine(cacheRoot, "kernels", "debian-source", $"{tree.Package}_{version}");
        var tarball = Path.Combine(entry, TarballName);
        if (File.Exists(tarball))
            return tarball;

        await WithAptAsync(tree, async suite =>
        {
            // Another run may have fetched it while this one waited for the suite; replacing its
            // copy now could pull the tarball from under its tar.
            if (File.Exists(tarball))
                return entry;
            var staging = entry + $".staging-{Guid.NewGuid():N}";
            Directory.CreateDirectory(staging);
            try
            {
                log($"{tree.Describe()}: fetching {identity} …");
                await suite.Apt.DownloadAsync(tree.Package, version, staging, ct);
                var deb = Directory.GetFiles(staging, "*.deb").SingleOrDefault()
                    ?? throw new KernelAcquisitionException($"apt-get download of {identity} left no .deb");
                var member = await DebExtractor.ExtractFirstAsync(deb, IsSourceTarball, Path.Combine(staging, TarballName), ct)
                    ?? throw new KernelAcquisitionException($"{identity} holds no usr/src/linux-source-*.tar.xz");
                File.Delete(deb);
                log(string.Create(CultureInfo.InvariantCulture,
                    $"{tree.Describe()}: {member}, {new FileInfo(Path.Combine(staging, TarballName)).Length / 1e6:0} MB"));
                if (Directory.Exists(entry))
                    Directory.Delete(entry, recursive: true);
                Directory.Move(staging, entry);
            }
            finally
            {
                if (Directory.Exists(staging))
                    Directory.Delete(staging, recursive: true);
            }
            return entry;
        }, ct);
        return tarball;
    }

    /// <summary>True for the tarball a linux-source-X package installs, <c>usr/src/linux-source-X.tar.xz</c>.</summary>
    public static bool IsSourceTarball(string tarEntryName)
    {
        var parts = tarEntryName.TrimStart('.', '/').Split('/');
        return parts is ["usr", "src", var file]
            && file.StartsWith("linux-source-", StringComparison.Ordinal)
            && file.EndsWith(".tar.xz", StringComparison.Ordinal);
    }

    private async Task<T> WithAptAsync<T>(DebianSourceTree tree, Func<SuiteApt.Session, Task<T>> use, CancellationToken ct)
    {
        if (!KernelPackageRules.IsSafeName(tree.Suite) || !KernelPackageRules.IsSafeName(tree.Package))
            throw new KernelAcquisitionException($"'{tree.Suite}/{tree.Package}' is not a valid Debian suite and package name");
        return await suites.UseAsync(tree.Suite, async suite =>
        {
            if (!suite.ListsAreFresh)
                await UpdateAsync(suite, tree, ct);
            return await use(suite);
        }, ct);
    }

    // Old lists still name a version; when the archive cannot be reached they are the fallback.
    private async Task UpdateAsync(SuiteApt.Session suite, DebianSourceTree tree, CancellationToken ct)
    {
        log($"{tree.Describe()}: updating apt lists of {tree.Suite} …");
        try
        {
            await suite.UpdateListsAsync(ct);
        }
        catch (KernelAcquisitionException e) when (suite.ListsUpdatedAt is not null)
        {
            log($"{tree.Describe()}: {e.Message}; using the lists of {suite.ListsUpdatedAt:u}");
        }
    }
}
