using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Harness.Vm;

/// <summary>
/// Keeps the KVM probe's answer across runs, under a key that changes whenever the answer could:
/// the host's boot (its boot id: a reboot may load another KVM module or firmware), the QEMU version,
/// the KVM device, the kernel image probed (its SHA-256) and the probe's own version. A later run on the same host,
/// QEMU and first kernel then starts at once instead of paying the probe (up to its limit when KVM is broken).
/// </summary>
public sealed class AccelDecisionCache(string cacheRoot, string qemuVersion, string hostBootId, string kvmDevicePath = AccelProbe.DefaultKvmDevice)
{
    /// <summary>Bumped whenever what the probe proves changes, so older answers are not reused.</summary>
    const int ProbeVersion = 2;

    public const string BootIdPath = "/proc/sys/kernel/random/boot_id";

    public static string ReadHostBootId() =>
        File.Exists(BootIdPath) ? File.ReadAllText(BootIdPath).Trim() : "unknown-boot";

    public async Task<KvmProbeResult?> TryReadAsync(string kernelImagePath, CancellationToken ct)
    {
        var path = await EntryPathAsync(kernelImagePath, ct);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<KvmProbeResult>(await File.ReadAllTextAsync(path, ct));
        }
        catch (JsonException)
        {
            // A damaged entry is no answer: probe again and overwrite it.
            return null;
        }
    }

    public async Task WriteAsync(string kernelImagePath, KvmProbeResult result, CancellationToken ct)
    {
        var path = await EntryPathAsync(kernelImagePath, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Storage.AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(result), ct);
    }

    async Task<string> EntryPathAsync(string kernelImagePath, CancellationToken ct)
    {
        var kernelHash = await Storage.FileSha256.ComputeAsync(kernelImagePath, ct);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{ProbeVersion}\n{hostBootId}\n{kvmDevicePath}\n{qemuVersion}\n{kernelHash}")));
        return Path.Combine(cacheRoot, "accel", $"{key[..32]}.json");
    }
}
