namespace Harness.Tests.Kernels;

/// <summary>
/// Bytes that pass for a bzImage: the "HdrS" boot header at 0x202, one setup sector (0x1F1) and a
/// 64-byte "kernel" (syssize 4 at 0x1F4) after it, so the file is exactly as long as its header says.
/// </summary>
internal static class FakeBzImage
{
    public const int Length = 0x440;

    public static byte[] Bytes()
    {
        var bytes = new byte[Length];
        bytes[0x1F1] = 1;
        bytes[0x1F4] = 4;
        "HdrS"u8.CopyTo(bytes.AsSpan(0x202));
        return bytes;
    }
}
