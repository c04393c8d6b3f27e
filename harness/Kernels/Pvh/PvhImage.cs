using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Harness.Processes;

namespace Harness.Kernels.Pvh;

/// <summary>
/// The uncompressed kernel of a bzImage, kept beside it, for QEMU to start through the PVH entry
/// point. Under TCG the bzImage's own decompressor is emulated code: 3 s of an XZ-packed Debian
/// kernel's boot (5.10, 6.1), 0.5 s of a zstd one. The ELF inside is the very kernel the decompressor
/// would unpack, byte for byte; only the way in differs (PVH's 32-bit entry instead of the boot
/// protocol's setup code, and no KASLR, which the decompressor applies), which rseq never sees.
/// A kernel without CONFIG_PVH, a packing the harness does not unpack, or a host without xz/zstd
/// boots its bzImage as before.
/// </summary>
public static class PvhImage
{
    private const string ImageName = "vmlinux.pvh";
    // Written when the kernel has no PVH entry (or its payload cannot be unpacked by design), so the
    // next run does not unpack it again to find out.
    private const string NoneMarkerName = "vmlinux.none";

    /// <summary>
    /// The uncompressed PVH kernel for <paramref name="bzImagePath"/> (unpacked on first use, into the
    /// bzImage's folder, which must be the harness's own cache), or null to boot the bzImage.
    /// </summary>
    public static async Task<string?> GetOrUnpackAsync(string bzImagePath, Action<string> log, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(bzImagePath))!;
        var image = Path.Combine(folder, ImageName);
        var marker = Path.Combine(folder, NoneMarkerName);
        if (File.Exists(image) && File.GetLastWriteTimeUtc(image) >= File.GetLastWriteTimeUtc(bzImagePath))
            return image;
        if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(bzImagePath))
            return null;

        var payload = Locate(bzImagePath);
        if (payload is null)
        {
            await File.WriteAllTextAsync(marker, "no payload the harness unpacks (xz, zstd, gzip)\n", ct);
            return null;
        }
        var stopwatch = Stopwatch.StartNew();
        var unpacked = await UnpackAsync(bzImagePath, payload, folder, log, ct);
        if (unpacked is null)
            return null;
        if (!ElfPvhNote.HasPvhEntry(unpacked))
        {
            File.Delete(unpacked);
            await File.WriteAllTextAsync(marker, "no PVH entry note (CONFIG_PVH off)\n", ct);
            return null;
        }
        // The rename makes it appear whole or not at all: a run stopped mid-unpack leaves only a temp file.
        File.Move(unpacked, image, overwrite: true);
        log(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(folder)}: unpacked for a PVH boot ({new FileInfo(image).Length / 1e6:0} MB, {payload.Compression}) in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        return image;
    }

    private static BzImagePayload? Locate(string bzImagePath)
    {
        using var file = File.OpenRead(bzImagePath);
        var header = new byte[BzImagePayload.HeaderLength];
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return BzImagePayload.Find(header.AsSpan(0, read), offset =>
        {
            if (offset < 0 || offset >= file.Length)
                return [];
            var magic = new byte[6];
            file.Position = offset;
            return magic[..file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false)];
        });
    }

    /// <summary>The unpacked ELF as a temporary file in <paramref name="folder"/>, or null (said why).</summary>
    private static async Task<string?> UnpackAsync(string bzImagePath, BzImagePayload payload, string folder, Action<string> log, CancellationToken ct)
    {
        var stem = Path.Combine(folder, $".vmlinux-{Guid.NewGuid():N}");
        var packed = stem + Extension(payload.Compression);
        try
        {
            // The kernel's build appends the unpacked size (4 bytes, little-endian) to the packed data;
            // the unpacking programs take it for a damaged stream, and it checks their result.
            var bytes = new byte[payload.Length];
            await using (var file = File.OpenRead(bzImagePath))
            {
                file.Position = payload.Offset;
                await file.ReadExactlyAsync(bytes, ct);
            }
            var expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
            await using (var file = File.Create(packed))
                await file.WriteAsync(bytes.AsMemory(0, bytes.Length - 4), ct);

            var result = await Tool.TryRunAsync(payload.Compression, ["-d", "-q", packed], folder, ct);
            if (result is null)
            {
                log($"{payload.Compression} is not installed: booting the bzImage (`harness setup` installs it)");
                return null;
            }
            if (result.ExitCode != 0 || !File.Exists(stem) || new FileInfo(stem).Length != expectedLength)
            {
                log($"{payload.Compression} could not unpack {bzImagePath}: {result.LineThatMatters ?? $"exit {result.ExitCode}"}; booting the bzImage");
                File.Delete(stem);
                return null;
            }
            return stem;
        }
        finally
        {
            File.Delete(packed);
        }
    }

    private static string Extension(string compression) => compression switch
    {
        "xz" => ".xz",
        "zstd" => ".zst",
        _ => ".gz",
    };
}
