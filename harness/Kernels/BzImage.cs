namespace Harness.Kernels;

/// <summary>Recognises an x86 bzImage by its boot-protocol header.</summary>
public static class BzImage
{
    // The x86 boot protocol puts the "HdrS" signature at 0x202 of every bzImage since 2.00;
    // a vmlinux ELF, a compressed module or an HTML error page never has it there.
    private const int MagicOffset = 0x202;
    private static ReadOnlySpan<byte> Magic => "HdrS"u8;

    public static bool HasBootHeader(ReadOnlySpan<byte> start) =>
        start.Length >= MagicOffset + Magic.Length && start.Slice(MagicOffset, Magic.Length).SequenceEqual(Magic);

    public static async Task<bool> IsBzImageAsync(string path, CancellationToken ct)
    {
        var start = new byte[MagicOffset + Magic.Length];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        return HasBootHeader(start.AsSpan(0, read));
    }
}
