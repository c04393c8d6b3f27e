using System.Buffers.Binary;

namespace Harness.Kernels;

/// <summary>Recognises an x86 bzImage by its boot-protocol header, and a truncated one by the sizes that header declares.</summary>
public static class BzImage
{
    // The x86 boot protocol puts the "HdrS" signature at 0x202 of every bzImage since 2.00;
    // a vmlinux ELF, a compressed module or an HTML error page never has it there.
    private const int MagicOffset = 0x202;
    private static ReadOnlySpan<byte> Magic => "HdrS"u8;

    // setup_sects (0x1F1): 512-byte sectors of real-mode setup after the boot sector, 0 meaning 4 to
    // old loaders; syssize (0x1F4): the protected-mode kernel that follows, in 16-byte units. A file
    // shorter than both is a cut-off copy or download (signed images carry a signature after them).
    private const int SetupSectsOffset = 0x1F1;
    private const int SysSizeOffset = 0x1F4;
    private const int HeaderLength = MagicOffset + 4;

    public static bool HasBootHeader(ReadOnlySpan<byte> start) =>
        start.Length >= HeaderLength && start.Slice(MagicOffset, Magic.Length).SequenceEqual(Magic);

    /// <summary>How long the image says it is, at least, or null without a boot header.</summary>
    public static long? DeclaredLength(ReadOnlySpan<byte> start)
    {
        if (!HasBootHeader(start))
            return null;
        var setupSects = start[SetupSectsOffset] == 0 ? 4 : start[SetupSectsOffset];
        var sysSize = BinaryPrimitives.ReadUInt32LittleEndian(start.Slice(SysSizeOffset, 4));
        return (setupSects + 1) * 512L + sysSize * 16L;
    }

    /// <summary>Why the file is not a bootable bzImage (one phrase), or null when it is one.</summary>
    public static async Task<string?> ProblemAsync(string path, CancellationToken ct)
    {
        var start = new byte[HeaderLength];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        if (DeclaredLength(start.AsSpan(0, read)) is not { } declared)
            return "no 'HdrS' boot header at 0x202";
        if (BinaryPrimitives.ReadUInt32LittleEndian(start.AsSpan(SysSizeOffset, 4)) == 0)
            return "its boot header declares no kernel after the setup code";
        return file.Length < declared
            ? $"truncated: {file.Length} bytes where its boot header declares {declared}"
            : null;
    }

    public static async Task<bool> IsBzImageAsync(string path, CancellationToken ct) => await ProblemAsync(path, ct) is null;
}
