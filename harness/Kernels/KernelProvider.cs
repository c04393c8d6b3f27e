using System.Collections.Concurrent;
using Harness.Config;
using Harness.KernelBuild;
using Harness.Kernels.Debian;

namespace Harness.Kernels;

/// <summary>Turns a kernel source of the matrix into a bootable image, fetching into the cache when needed.</summary>
public sealed class KernelProvider : IKernelSupplier
{
    /// <summary>How old a suite's private apt lists may get before a fetch refreshes them.</summary>
    public static TimeSpan DefaultMaxListAge { get; } = TimeSpan.FromHours(6);

    private readonly DebianKernelFetcher _debian;
    private readonly BuildKernels _builds;

    /// <param name="cacheRoot">Where fetched kernels and the private apt state live (the CLI decides).</param>
    /// <param name="log">Receives one line per step worth showing, e.g. "fetching linux-image-… 6.1.176-1 …".</param>
    public KernelProvider(string cacheRoot, Action<string>? log = null)
        : this(cacheRoot, log, "/etc/apt", DefaultMaxListAge, TimeProvider.System)
    {
    }

    internal KernelProvider(string cacheRoot, Action<string>? log, string etcAptDirectory, TimeSpan maxListAge, TimeProvider time)
    {
        // apt resolves relative Dir:: settings against "/", not the working directory.
        var root = Path.GetFullPath(cacheRoot);
        var mirror = new Lazy<ArchiveMirror>(() => ArchiveMirror.FromHost(etcAptDirectory));
        var say = log ?? (_ => { });
        // Kernel images and kernel sources of one suite share its private apt state.
        var suites = new SuiteApt(root, () => mirror.Value, maxListAge, time, say, new ConcurrentDictionary<string, SemaphoreSlim>());
        _debian = new DebianKernelFetcher(root, suites, time, say);
        _builds = new BuildKernels(
            new KernelBuilder(root, line => say($"  build: {line}")),
            new DebianSourceFetcher(root, suites, say));
    }

    public Task<KernelImage> GetAsync(KernelSource source, CancellationToken ct) =>
        source switch
        {
            PathKernelSource path => PathKernels.GetAsync(path, ct),
            DebianKernelSource debian => _debian.GetAsync(debian, ct),
            BuildKernelSource build => _builds.GetAsync(build, ct),
            _ => throw new KernelAcquisitionException($"no way to acquire a kernel from {source.Describe()}"),
        };

    /// <summary>Debian's kernel source unpacked in the build cache, got as a build gets it (see <see cref="BuildKernels.UnpackedSourceAsync"/>).</summary>
    public Task<string> UnpackedSourceAsync(DebianSourceTree tree, CancellationToken ct) => _builds.UnpackedSourceAsync(tree, ct);
}
