using System.Buffers.Binary;

namespace Harness.Kernels.Pvh;

/// <summary>
/// Whether an ELF kernel carries the PVH entry point (a "Xen" note of type XEN_ELFNOTE_PHYS32_ENTRY),
/// which lets QEMU start it directly, without the bzImage's decompressor (CONFIG_PVH).
/// </summary>
public static class ElfPvhNote
{
    private const uint PtNote = 4;
    private const uint XenElfNotePhys32Entry = 18;

    /// <summary>Reads only the ELF header, the program headers and the note segments.</summary>
    public static bool HasPvhEntry(string path)
    {
        using var file = File.OpenRead(path);
        var header = ReadAt(file, 0, 64);
        // 64-bit little-endian ELF (x86-64 kernels are nothing else).
        if (header.Length < 64 || !header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) || header[4] != 2 || header[5] != 1)
            return false;
        var programHeaders = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x38));
        if (entrySize < 56 || count > 256)
            return false;
        for (var i = 0; i < count; i++)
        {
            var entry = ReadAt(file, programHeaders + (long)i * entrySize, 56);
            if (entry.Length < 56 || BinaryPrimitives.ReadUInt32LittleEndian(entry) != PtNote)
                continue;
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(0x08));
            var size = BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(0x20));
            if (size is > 0 and < 1 << 20 && HasPhys32Entry(ReadAt(file, offset, (int)size)))
                return true;
        }
        return false;
    }

    /// <summary>Walks one note segment: namesz, descsz, type, then name and desc, each padded to 4 bytes.</summary>
    public static bool HasPhys32Entry(ReadOnlySpan<byte> notes)
    {
        while (notes.Length >= 12)
        {
            var nameSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes);
            var descSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes[4..]);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(notes[8..]);
            var total = 12L + Align4(nameSize) + Align4(descSize);
            if (nameSize < 0 || descSize < 0 || total > notes.Length)
                return false;
            var name = notes.Slice(12, nameSize);
            if (type == XenElfNotePhys32Entry && name.SequenceEqual("Xen\0"u8))
                return true;
            notes = notes[(int)total..];
        }
        return false;
    }

    private static long Align4(int size) => (size + 3L) & ~3L;

    private static byte[] ReadAt(FileStream file, long offset, int length)
    {
        if (offset < 0 || offset >= file.Length)
            return [];
        var buffer = new byte[(int)Math.Min(length, file.Length - offset)];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
