using System.Buffers.Binary;
using System.Text;

namespace Harness.Kernels;

/// <summary>
/// The version string a bzImage carries in its boot header, read without booting it: what
/// <c>uname -r</c> will say and the build line after it. A matrix bisect orders its kernels by it.
/// </summary>
public static class KernelRelease
{
    // Boot protocol 2.00+: kernel_version (0x20E) holds the string's offset minus 0x200 into the
    // file, NUL-terminated, e.g. "6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP ...".
    const int VersionPointerOffset = 0x20E;
    const int SetupStart = 0x200;
    const int MaxLength = 256;

    /// <summary>The whole version line, or null when the image has no boot header or no version string.</summary>
    public static string? VersionLine(ReadOnlySpan<byte> image)
    {
        if (!BzImage.HasBootHeader(image) || image.Length < VersionPointerOffset + 2)
            return null;
        var pointer = BinaryPrimitives.ReadUInt16LittleEndian(image.Slice(VersionPointerOffset, 2));
        var start = pointer + SetupStart;
        if (pointer == 0 || start >= image.Length)
            return null;
        var rest = image[start..Math.Min(image.Length, start + MaxLength)];
        var end = rest.IndexOf((byte)0);
        var text = Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The release alone (the version line's first word), as <c>uname -r</c> prints it.</summary>
    public static string? Release(ReadOnlySpan<byte> image) =>
        VersionLine(image)?.Split(' ', 2)[0];

    /// <summary>The release of the image at <paramref name="path"/>; null when it has none.</summary>
    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        // The setup code, where the string lives, is at most 64 sectors: 32 KiB covers it.
        var start = new byte[32 * 1024];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        return Release(start.AsSpan(0, read));
    }
}
