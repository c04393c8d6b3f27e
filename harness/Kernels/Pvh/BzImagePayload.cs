using System.Buffers.Binary;

namespace Harness.Kernels.Pvh;

/// <summary>The compressed kernel inside a bzImage, as its boot-protocol header locates it.</summary>
/// <param name="Offset">From the start of the file.</param>
/// <param name="Length">In bytes.</param>
/// <param name="Compression">The program that unpacks it (xz, zstd or gzip), by the payload's magic.</param>
public sealed record BzImagePayload(long Offset, long Length, string Compression)
{
    // Boot protocol 2.08 added payload_offset (0x248, from the start of the protected-mode code) and
    // payload_length (0x24C); the protocol version is at 0x206.
    private const int VersionOffset = 0x206;
    private const int PayloadOffsetField = 0x248;
    private const int PayloadLengthField = 0x24C;
    private const int SetupSectsOffset = 0x1F1;
    private const ushort FirstVersionWithPayload = 0x0208;

    /// <summary>The header bytes <see cref="Find"/> needs.</summary>
    public const int HeaderLength = PayloadLengthField + 4;

    /// <summary>
    /// The payload of a bzImage whose first <see cref="HeaderLength"/> bytes are <paramref name="header"/>
    /// and whose payload starts with <paramref name="payloadStart"/>; null when there is none, or it is
    /// packed by a program the harness does not call (lz4, lzma, bzip2, lzo).
    /// </summary>
    public static BzImagePayload? Find(ReadOnlySpan<byte> header, Func<long, byte[]> readAt)
    {
        if (header.Length < HeaderLength || !BzImage.HasBootHeader(header))
            return null;
        if (BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(VersionOffset, 2)) < FirstVersionWithPayload)
            return null;
        var setupSects = header[SetupSectsOffset] == 0 ? 4 : header[SetupSectsOffset];
        var offset = (setupSects + 1) * 512L + BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(PayloadOffsetField, 4));
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(PayloadLengthField, 4));
        if (length == 0)
            return null;
        return CompressionOf(readAt(offset)) is { } compression ? new BzImagePayload(offset, length, compression) : null;
    }

    /// <summary>The unpacking program for data that starts with <paramref name="magic"/>, or null.</summary>
    public static string? CompressionOf(ReadOnlySpan<byte> magic) => magic switch
    {
        [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, ..] => "xz",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "zstd",
        [0x1F, 0x8B, ..] => "gzip",
        _ => null,
    };
}
