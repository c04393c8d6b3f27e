using System.Buffers.Binary;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>
/// The machine code of <c>int percpu_inc(struct rseq *rseq, long *counters)</c> and its
/// <c>struct rseq_cs</c> descriptor, as one page image with absolute addresses patched in. C# cannot
/// place an abort handler and its signature, so the few x86-64 instructions are written out here.
/// </summary>
/// <remarks>
/// Page layout: the descriptor at offset 0 (the ABI wants 32-byte alignment), the code at
/// <see cref="CodeOffset"/>. System V arguments: rdi = rseq area, rsi = counters (one per CPU,
/// 64 bytes apart so no two CPUs share a cache line). Listing (offsets from the code start):
/// <code>
/// 00  48 b8 imm64            movabs rax, descriptor     ; patched: absolute address of the descriptor
/// 0a  48 89 47 08            mov    [rdi+8], rax        ; rseq->rseq_cs = &amp;descriptor (arms the section)
/// 0e  8b 47 04               mov    eax, [rdi+4]        ; start_ip: cpu = rseq->cpu_id
/// 11  3d imm32               cmp    eax, slots          ; patched: counters allocated (possible CPUs)
/// 16  73 21                  jae    out_of_range        ; unsigned, so -1/-2 (unregistered) also leave
/// 18  48 89 c2               mov    rdx, rax
/// 1b  48 c1 e2 06            shl    rdx, 6              ; cpu * 64 bytes
/// 1f  48 8b 0c 16            mov    rcx, [rsi+rdx]      ; load counters[cpu]
/// 23  48 83 c1 01            add    rcx, 1
/// 27  41 b8 imm32            mov    r8d, spins          ; the window between load and store: see below
/// 2d  f3 90                  spin: pause
/// 2f  41 ff c8               dec    r8d
/// 32  75 f9                  jnz    spin
/// 34  48 89 0c 16            mov    [rsi+rdx], rcx      ; commit store: the section's last instruction
/// 38  c3                     ret                        ; post-commit ip; returns cpu
/// 39  b8 fe ff ff ff         out_of_range: mov eax, -2
/// 3e  c3                     ret
/// 3f  0f b9 3d 53 30 05 53   ud1 edi, [rip+0x53053053]  ; never executed: its last 4 bytes are RSEQ_SIG
/// 46  b8 ff ff ff ff         abort_ip: mov eax, -1      ; the kernel resumes here after an abort
/// 4b  c3                     ret
/// </code>
/// The signature is encoded as the kernel selftests' rseq-x86.h does (<c>.byte 0x0f, 0xb9, 0x3d</c>
/// then <c>.long RSEQ_SIG</c>): the kernel checks that the 4 bytes before abort_ip equal the signature
/// of the registration, and glibc registers with the same 0x53053053.
/// The spin between the load and the store is the window a preemption must hit to matter. Without
/// it the window is two instructions: on real hardware (checked on this host's CPU) the unarmed
/// control lost no update in a second, so it could not prove the stress able to show the bug, and
/// the armed section was rarely aborted. The jumps also matter under QEMU TCG, which takes
/// interrupts only between translated blocks: the jae and each jnz end a block inside the section,
/// so an interrupt that arrives while the stub runs lands inside it, and the preemption or migration
/// it brings aborts the section (or, unarmed, loses an update).
/// </remarks>
internal static class PerCpuIncrementCode
{
    public const int DescriptorSize = 32;
    public const int CodeOffset = 64;
    public const int StartOffset = 0x0e;
    public const int PostCommitOffset = 0x38;
    public const int SignatureOffset = 0x42;
    public const int AbortOffset = 0x46;

    /// <summary>
    /// pause instructions between the load and the store: about 2 µs on a current x86 core (a pause
    /// is tens of cycles), long next to the few nanoseconds of the rest, so most preemptions of a
    /// worker land inside the section; short next to a scheduler tick.
    /// </summary>
    public const int WindowSpins = 64;
    public const int CounterStride = 64;

    /// <summary>What the stub returns when the kernel aborted the section.</summary>
    public const int Aborted = -1;

    /// <summary>What the stub returns when cpu_id was not below the number of counters.</summary>
    public const int CpuIdOutOfRange = -2;

    const int DescriptorImmediateOffset = 0x02;
    const int SlotsImmediateOffset = 0x12;
    const int SpinsImmediateOffset = 0x29;

    static ReadOnlySpan<byte> Code =>
    [
        0x48, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
        0x48, 0x89, 0x47, 0x08,
        0x8b, 0x47, 0x04,
        0x3d, 0, 0, 0, 0,
        0x73, 0x21,
        0x48, 0x89, 0xc2,
        0x48, 0xc1, 0xe2, 0x06,
        0x48, 0x8b, 0x0c, 0x16,
        0x48, 0x83, 0xc1, 0x01,
        0x41, 0xb8, 0, 0, 0, 0,
        0xf3, 0x90,
        0x41, 0xff, 0xc8,
        0x75, 0xf9,
        0x48, 0x89, 0x0c, 0x16,
        0xc3,
        0xb8, 0xfe, 0xff, 0xff, 0xff,
        0xc3,
        0x0f, 0xb9, 0x3d, 0x53, 0x30, 0x05, 0x53,
        0xb8, 0xff, 0xff, 0xff, 0xff,
        0xc3,
    ];

    /// <summary>The page image for a mapping at <paramref name="mappingAddress"/>.</summary>
    /// <param name="slots">Counters allocated; a cpu_id from here on is not incremented.</param>
    /// <param name="armed">
    /// False for the control: the first store writes 0 into rseq_cs instead of the descriptor, so the
    /// same instructions run as no critical section at all and a preemption between the load and the
    /// store loses an update instead of aborting.
    /// </param>
    public static byte[] Assemble(nint mappingAddress, int slots, bool armed = true)
    {
        var image = new byte[CodeOffset + Code.Length];
        var code = mappingAddress + CodeOffset;
        // struct rseq_cs { u32 version; u32 flags; u64 start_ip; u64 post_commit_offset; u64 abort_ip; }
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(4), 0);
        BinaryPrimitives.WriteInt64LittleEndian(image.AsSpan(8), code + StartOffset);
        BinaryPrimitives.WriteInt64LittleEndian(image.AsSpan(16), PostCommitOffset - StartOffset);
        BinaryPrimitives.WriteInt64LittleEndian(image.AsSpan(24), code + AbortOffset);

        var text = image.AsSpan(CodeOffset);
        Code.CopyTo(text);
        BinaryPrimitives.WriteInt64LittleEndian(text[DescriptorImmediateOffset..], armed ? mappingAddress : 0);
        BinaryPrimitives.WriteInt32LittleEndian(text[SlotsImmediateOffset..], slots);
        BinaryPrimitives.WriteInt32LittleEndian(text[SpinsImmediateOffset..], WindowSpins);
        if (BinaryPrimitives.ReadUInt32LittleEndian(text[SignatureOffset..]) != RseqLayout.Signature)
            throw new InvalidOperationException("the abort signature is not right before abort_ip");
        return image;
    }
}
