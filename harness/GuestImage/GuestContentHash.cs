using System.Security.Cryptography;
using System.Text;

namespace Harness.GuestImage;

/// <summary>
/// The cache key of a guest image: a hash over everything that can change its bytes. Files are
/// hashed by relative path and content, so moving the repository does not invalidate the cache.
/// </summary>
internal static class GuestContentHash
{
    /// <summary>Bump when the image layout or the way it is written changes.</summary>
    public const int FormatVersion = 2;

    private static readonly string[] SourceFolders = ["guest", "protocol"];
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];
    private static readonly string[] BuildOutputFolders = ["bin", "obj"];

    public static string Compute(string repoRoot, string initScript, byte[] busybox, string sdkVersion)
    {
        var lines = new List<string>
        {
            $"format {FormatVersion}",
            $"sdk {sdkVersion}",
            $"init {Sha256(Encoding.UTF8.GetBytes(initScript))}",
            $"busybox {Sha256(busybox)}",
        };
        foreach (var relative in InputFiles(repoRoot))
        {
            var path = Path.Combine(repoRoot, relative);
            lines.Add(File.Exists(path) ? $"file {relative} {Sha256(File.ReadAllBytes(path))}" : $"absent {relative}");
        }
        // 128 bits keep the cache folder name short and are plenty against accidental collisions.
        return Sha256(Encoding.UTF8.GetBytes(string.Join('\n', lines)))[..32];
    }

    /// <summary>Repository-relative '/'-separated paths in ordinal order; build output is left out.</summary>
    internal static IReadOnlyList<string> InputFiles(string repoRoot)
    {
        var sources = SourceFolders
            .Select(folder => Path.Combine(repoRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(repoRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.Split('/').SkipLast(1).Any(BuildOutputFolders.Contains));
        return [.. sources.Concat(RootFiles).Order(StringComparer.Ordinal)];
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
