using System.Buffers.Binary;
using Guest.Rseq;
using Guest.Scenarios.CsAbort;

namespace Guest.Tests.Scenarios.CsAbort;

/// <summary>The page image: what the kernel reads from the descriptor and what it checks before abort_ip.</summary>
public class PerCpuIncrementCodeTests
{
    const long MappingAddress = 0x7f12_3456_0000;
    const long Code = MappingAddress + PerCpuIncrementCode.CodeOffset;

    static readonly byte[] Image = PerCpuIncrementCode.Assemble(new nint(MappingAddress), slots: 4);

    [Test]
    public void The_descriptor_is_version_0_without_flags_and_points_into_the_code()
    {
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(Image.AsSpan(0)), Is.Zero);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(Image.AsSpan(4)), Is.Zero);
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(Image.AsSpan(8)), Is.EqualTo(Code + 0x0e));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(Image.AsSpan(16)), Is.EqualTo(0x38 - 0x0e));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(Image.AsSpan(24)), Is.EqualTo(Code + 0x46));
    }

    [Test]
    public void The_four_bytes_before_abort_ip_are_the_registered_signature_inside_a_ud1()
    {
        var beforeAbort = Image.AsSpan(PerCpuIncrementCode.CodeOffset + PerCpuIncrementCode.AbortOffset - 7, 7).ToArray();

        Assert.That(beforeAbort, Is.EqualTo(new byte[] { 0x0f, 0xb9, 0x3d, 0x53, 0x30, 0x05, 0x53 }));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(beforeAbort.AsSpan(3)), Is.EqualTo(RseqLayout.Signature));
    }

    [Test]
    public void The_descriptor_address_and_the_counter_count_are_patched_into_the_code()
    {
        var code = Image.AsSpan(PerCpuIncrementCode.CodeOffset);

        Assert.That(code[..2].ToArray(), Is.EqualTo(new byte[] { 0x48, 0xb8 }), "movabs rax, imm64");
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(code[2..]), Is.EqualTo(MappingAddress));
        Assert.That(code[0x11], Is.EqualTo(0x3d), "cmp eax, imm32");
        Assert.That(BinaryPrimitives.ReadInt32LittleEndian(code[0x12..]), Is.EqualTo(4));
    }

    [Test]
    public void The_commit_store_is_the_last_instruction_before_the_post_commit_ret()
    {
        var code = Image.AsSpan(PerCpuIncrementCode.CodeOffset);

        Assert.That(code[(PerCpuIncrementCode.PostCommitOffset - 4)..PerCpuIncrementCode.PostCommitOffset].ToArray(),
            Is.EqualTo(new byte[] { 0x48, 0x89, 0x0c, 0x16 }), "mov [rsi+rdx], rcx");
        Assert.That(code[PerCpuIncrementCode.PostCommitOffset], Is.EqualTo(0xc3), "ret");
    }

    [Test]
    public void The_window_between_the_load_and_the_commit_store_spins_with_pause()
    {
        var code = Image.AsSpan(PerCpuIncrementCode.CodeOffset);

        Assert.That(code[0x27..0x29].ToArray(), Is.EqualTo(new byte[] { 0x41, 0xb8 }), "mov r8d, imm32");
        Assert.That(BinaryPrimitives.ReadInt32LittleEndian(code[0x29..]), Is.EqualTo(PerCpuIncrementCode.WindowSpins));
        Assert.That(code[0x2d..0x34].ToArray(), Is.EqualTo(new byte[] { 0xf3, 0x90, 0x41, 0xff, 0xc8, 0x75, 0xf9 }), "spin: pause; dec r8d; jnz spin");
        Assert.That(code[0x16..0x18].ToArray(), Is.EqualTo(new byte[] { 0x73, 0x39 - 0x18 }), "jae out_of_range");
        Assert.That(code[0x39], Is.EqualTo(0xb8), "out_of_range: mov eax, -2");
    }

    [Test]
    public void The_abort_ip_lies_outside_the_critical_section()
    {
        Assert.That(PerCpuIncrementCode.AbortOffset, Is.Not.InRange(PerCpuIncrementCode.StartOffset, PerCpuIncrementCode.PostCommitOffset - 1));
    }

    [Test]
    public void The_unarmed_control_stores_zero_into_rseq_cs_and_is_otherwise_the_same_code()
    {
        var unarmed = PerCpuIncrementCode.Assemble(new nint(MappingAddress), slots: 4, armed: false);
        var code = unarmed.AsSpan(PerCpuIncrementCode.CodeOffset);
        var armedCode = Image.AsSpan(PerCpuIncrementCode.CodeOffset);

        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(code[2..]), Is.Zero, "movabs rax, 0: rseq_cs cleared");
        Assert.That(code[10..].ToArray(), Is.EqualTo(armedCode[10..].ToArray()));
    }
}
