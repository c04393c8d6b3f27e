using System.Buffers.Binary;
using Harness.Processes;

namespace Harness.Tests.Kernels.Pvh;

/// <summary>
/// Small stand-ins for a kernel: an ELF64 whose one PT_NOTE segment holds a "Linux" note and, when
/// asked, Xen's PHYS32_ENTRY note; and a bzImage around it, packed by the real xz with the 4-byte
/// size the kernel's build appends.
/// </summary>
static class PvhKernelFiles
{
    public static byte[] Notes(bool withPvhEntry, uint xenType = 18)
    {
        var notes = new List<byte>();
        notes.AddRange(Note("Linux\0", 6, [1, 2, 3, 4]));
        if (withPvhEntry)
            notes.AddRange(Note("Xen\0", xenType, [0x00, 0x10, 0x00, 0x01]));
        return [.. notes];
    }

    static byte[] Note(string name, uint type, byte[] desc)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        var bytes = new byte[12 + Align4(nameBytes.Length) + Align4(desc.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)nameBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)desc.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), type);
        nameBytes.CopyTo(bytes, 12);
        desc.CopyTo(bytes, 12 + Align4(nameBytes.Length));
        return bytes;
    }

    static int Align4(int n) => (n + 3) & ~3;

    public static byte[] Elf(bool withPvhEntry)
    {
        var notes = Notes(withPvhEntry);
        const int programHeaders = 64, noteOffset = 64 + 56;
        var elf = new byte[noteOffset + notes.Length + 4096];
        "\u007fELF"u8.CopyTo(elf);
        elf[4] = 2; // 64-bit
        elf[5] = 1; // little-endian
        elf[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x10), 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x12), 62); // x86-64
        BinaryPrimitives.WriteInt64LittleEndian(elf.AsSpan(0x20), programHeaders);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x36), 56);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x38), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(programHeaders), 4); // PT_NOTE
        BinaryPrimitives.WriteInt64LittleEndian(elf.AsSpan(programHeaders + 0x08), noteOffset);
        BinaryPrimitives.WriteInt64LittleEndian(elf.AsSpan(programHeaders + 0x20), notes.Length);
        notes.CopyTo(elf, noteOffset);
        new Random(7).NextBytes(elf.AsSpan(noteOffset + notes.Length));
        return elf;
    }

    /// <summary>A bzImage (boot protocol 2.15, one setup sector) whose payload is <paramref name="elf"/> packed by xz.</summary>
    public static async Task<byte[]> BzImageAroundAsync(byte[] elf, ScratchFolder scratch)
    {
        var raw = scratch.WriteBytes("payload", elf);
        var result = await Tool.RunAsync("xz", ["-z", "-q", "-k", "-f", raw], scratch.Path, CancellationToken.None);
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        var packed = File.ReadAllBytes(raw + ".xz");
        var payload = new byte[packed.Length + 4];
        packed.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(packed.Length), (uint)elf.Length);

        const int payloadOffset = 0x40;
        var image = new byte[2 * 512 + payloadOffset + payload.Length];
        image[0x1F1] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x1F4), (uint)((image.Length - 1024 + 15) / 16));
        "HdrS"u8.CopyTo(image.AsSpan(0x202));
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x206), 0x020F);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x248), payloadOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x24C), (uint)payload.Length);
        payload.CopyTo(image, 1024 + payloadOffset);
        return image;
    }
}
