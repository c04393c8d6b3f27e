using System.Security.Cryptography;
using System.Text;
using Harness.GuestImage.Cpio;
using Harness.Storage;

namespace Harness.GuestImage;

/// <summary>
/// A guest image with extra files for one kernel (its rseq selftests in /selftests): the base
/// initramfs followed by a second gzip'd cpio archive with the extra files. The kernel unpacks
/// concatenated archives one after the other into the same root, so the base image is reused as it
/// is. The variant sits beside the base image, named by a hash of the extra files' names and bytes.
/// </summary>
public static class GuestImageExtras
{
    /// <summary>The initramfs to boot: the base image plus every file of <paramref name="hostFolder"/> under <paramref name="guestFolder"/>.</summary>
    public static async Task<string> WithFolderAsync(string baseImage, string guestFolder, string hostFolder, CancellationToken ct)
    {
        var files = new List<(string GuestPath, byte[] Content)>();
        foreach (var path in Directory.GetFiles(hostFolder).Order(StringComparer.Ordinal))
            files.Add(($"{guestFolder.Trim('/')}/{Path.GetFileName(path)}", await File.ReadAllBytesAsync(path, ct)));
        var variant = Path.Combine(Path.GetDirectoryName(baseImage) ?? ".", $"initramfs+{Hash(files)}.cpio.gz");
        if (File.Exists(variant))
            return variant;

        var entries = files.Select(f => CpioEntry.File(f.GuestPath, f.Content, CpioEntry.Executable)).ToList();
        await AtomicFile.WriteAsync(variant, async (output, token) =>
        {
            await using (var input = File.OpenRead(baseImage))
                await input.CopyToAsync(output, token);
            InitramfsFile.Write(output, InitramfsLayout.WithParentDirectories(entries));
        }, ct);
        return variant;
    }

    static string Hash(IReadOnlyList<(string GuestPath, byte[] Content)> files)
    {
        var lines = files.Select(f => $"{f.GuestPath} {Convert.ToHexStringLower(SHA256.HashData(f.Content))}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
    }
}
