using System.Buffers.Binary;

namespace Harness.GuestImage;

/// <summary>Just enough of the ELF64 format to tell a static executable from a dynamic one.</summary>
internal static class ElfFile
{
    private const uint ProgramHeaderInterpreter = 3;  // PT_INTERP

    /// <summary>True when the image names a dynamic loader (PT_INTERP), i.e. it needs shared libraries.</summary>
    /// <exception cref="GuestBuildException">Not a little-endian ELF64 file.</exception>
    public static bool HasInterpreter(ReadOnlySpan<byte> image)
    {
        const int headerLength = 0x40;
        if (image.Length < headerLength || !image[..4].SequenceEqual("\u007FELF"u8)
            || image[4] != 2 /* ELFCLASS64 */ || image[5] != 1 /* ELFDATA2LSB */)
            throw new GuestBuildException("Not a little-endian 64-bit ELF file");

        var programHeaderOffset = BinaryPrimitives.ReadUInt64LittleEndian(image[0x20..]);
        var programHeaderSize = BinaryPrimitives.ReadUInt16LittleEndian(image[0x36..]);
        var programHeaderCount = BinaryPrimitives.ReadUInt16LittleEndian(image[0x38..]);
        for (var i = 0; i < programHeaderCount; i++)
        {
            var offset = checked((int)programHeaderOffset + i * programHeaderSize);
            if (offset + 4 > image.Length)
                throw new GuestBuildException("ELF program headers run past the end of the file");
            if (BinaryPrimitives.ReadUInt32LittleEndian(image[offset..]) == ProgramHeaderInterpreter)
                return true;
        }
        return false;
    }
}
