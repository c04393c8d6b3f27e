namespace Harness.Tests.Kernels;

/// <summary>Bytes that pass for a bzImage: the "HdrS" boot header at 0x202, zeros elsewhere.</summary>
internal static class FakeBzImage
{
    public static byte[] Bytes()
    {
        var bytes = new byte[0x400];
        "HdrS"u8.CopyTo(bytes.AsSpan(0x202));
        return bytes;
    }
}
