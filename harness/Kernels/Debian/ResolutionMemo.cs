using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Harness.Config;
using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// What a Debian package of a suite last resolved to, kept in the suite's apt state beside the lists it
/// was read from: a kernel image's meta-package (two <c>apt-cache show</c> calls) or a build's
/// <c>linux-source-X</c> (one). A warm run otherwise spends about 0.1-0.2 s per kernel on an answer
/// that can only change when the lists do; so the memo holds the lists' fingerprint
/// (<see cref="PrivateAptState.ListsFingerprint"/>) and is used only while it matches.
/// A memo that is missing, damaged or from other lists is a miss: apt is asked as before.
/// </summary>
public static class ResolutionMemo
{
    public static async Task<ResolvedDebianKernel?> TryReadAsync(PrivateAptState state, DebianKernelSource source, CancellationToken ct) =>
        // A memo of the other kind under this name (or a stray edit) reads with members missing: a miss.
        await TryReadAsync(state, source.Package, ResolutionMemoJson.Default.Memo, ct) is { Kernel: { } kernel } && kernel.Suite == source.Suite
            ? kernel
            : null;

    /// <summary>Records the answer apt just gave; a memo that cannot be written only costs the next run the apt calls.</summary>
    public static Task WriteAsync(PrivateAptState state, DebianKernelSource source, ResolvedDebianKernel kernel, CancellationToken ct) =>
        TryWriteAsync(state, source.Package, new Memo(state.ListsFingerprint(), kernel), ResolutionMemoJson.Default.Memo, ct);

    /// <summary>The build identity (<c>package=version</c>) a source package last resolved to in this suite.</summary>
    /// <remarks>Checked as apt's answer was (the version names cache folders), so a stray edit is a miss, never a path.</remarks>
    public static async Task<string?> TryReadSourceAsync(PrivateAptState state, DebianSourceTree tree, CancellationToken ct) =>
        await TryReadAsync(state, tree.Package, ResolutionMemoJson.Default.SourceMemo, ct) is { Identity: { } identity } memo
            && memo.Suite == tree.Suite
            && identity.StartsWith(tree.Package + "=", StringComparison.Ordinal)
            && KernelPackageRules.IsSafeName(identity[(tree.Package.Length + 1)..])
                ? identity
                : null;

    public static Task WriteSourceAsync(PrivateAptState state, DebianSourceTree tree, string identity, CancellationToken ct) =>
        TryWriteAsync(state, tree.Package, new SourceMemo(state.ListsFingerprint(), tree.Suite, identity), ResolutionMemoJson.Default.SourceMemo, ct);

    static async Task<T?> TryReadAsync<T>(PrivateAptState state, string package, JsonTypeInfo<T> type, CancellationToken ct) where T : class, IListsBound
    {
        var path = PathOf(state, package);
        if (!File.Exists(path))
            return null;
        try
        {
            var memo = JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, ct), type);
            return memo is not null && memo.Lists == state.ListsFingerprint() ? memo : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static async Task TryWriteAsync<T>(PrivateAptState state, string package, T memo, JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            var path = PathOf(state, package);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(memo, type), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // The package name was checked safe (KernelPackageRules.IsSafeName) before any apt call. Image
    // and source packages never share a name (linux-image-*, linux-source-*).
    static string PathOf(PrivateAptState state, string package) =>
        Path.Combine(state.Directory, "resolved", package + ".json");

    internal interface IListsBound
    {
        string Lists { get; }
    }

    internal sealed record Memo(string Lists, ResolvedDebianKernel Kernel) : IListsBound;

    internal sealed record SourceMemo(string Lists, string Suite, string Identity) : IListsBound;
}

[JsonSerializable(typeof(ResolutionMemo.Memo))]
[JsonSerializable(typeof(ResolutionMemo.SourceMemo))]
internal sealed partial class ResolutionMemoJson : JsonSerializerContext;
