using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Config;
using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// What a Debian kernel source last resolved to, kept in the suite's apt state beside the lists it
/// was read from. A warm run otherwise spends two <c>apt-cache show</c> calls (about 0.1-0.2 s) per
/// kernel on an answer that can only change when the lists do; so the memo holds the lists'
/// fingerprint (<see cref="PrivateAptState.ListsFingerprint"/>) and is used only while it matches.
/// A memo that is missing, damaged or from other lists is a miss: apt is asked as before.
/// </summary>
public static class ResolutionMemo
{
    public static async Task<ResolvedDebianKernel?> TryReadAsync(PrivateAptState state, DebianKernelSource source, CancellationToken ct)
    {
        var path = PathOf(state, source);
        if (!File.Exists(path))
            return null;
        try
        {
            var memo = JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, ct), ResolutionMemoJson.Default.Memo);
            return memo is not null && memo.Lists == state.ListsFingerprint() && memo.Kernel.Suite == source.Suite ? memo.Kernel : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records the answer apt just gave; a memo that cannot be written only costs the next run the apt calls.</summary>
    public static async Task WriteAsync(PrivateAptState state, DebianKernelSource source, ResolvedDebianKernel kernel, CancellationToken ct)
    {
        try
        {
            var path = PathOf(state, source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(new Memo(state.ListsFingerprint(), kernel), ResolutionMemoJson.Default.Memo), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // The package name was checked safe (KernelPackageRules.IsSafeName) before any apt call.
    static string PathOf(PrivateAptState state, DebianKernelSource source) =>
        Path.Combine(state.Directory, "resolved", source.Package + ".json");

    internal sealed record Memo(string Lists, ResolvedDebianKernel Kernel);
}

[JsonSerializable(typeof(ResolutionMemo.Memo))]
internal sealed partial class ResolutionMemoJson : JsonSerializerContext;
