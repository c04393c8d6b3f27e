using Harness.Kernels.Pvh;

namespace Harness.Tests.Kernels.Pvh;

public class ElfPvhNoteTests
{
    [Test]
    public void Xens_PHYS32_ENTRY_note_after_another_note_is_found() =>
        Assert.That(ElfPvhNote.HasPhys32Entry(PvhKernelFiles.Notes(withPvhEntry: true)), Is.True);

    [Test]
    public void Notes_without_it_are_not_a_PVH_entry() =>
        Assert.That(ElfPvhNote.HasPhys32Entry(PvhKernelFiles.Notes(withPvhEntry: false)), Is.False);

    [Test]
    public void Another_Xen_note_type_is_not_the_entry() =>
        Assert.That(ElfPvhNote.HasPhys32Entry(PvhKernelFiles.Notes(withPvhEntry: true, xenType: 17)), Is.False);

    [Test]
    public void A_cut_off_note_segment_is_not_read_past_its_end()
    {
        var notes = PvhKernelFiles.Notes(withPvhEntry: true);
        Assert.That(ElfPvhNote.HasPhys32Entry(notes.AsSpan(0, notes.Length - 2)), Is.False);
    }

    [Test]
    public void An_ELF_file_is_read_through_its_program_headers()
    {
        using var scratch = new ScratchFolder();
        Assert.That(ElfPvhNote.HasPvhEntry(scratch.WriteBytes("with", PvhKernelFiles.Elf(withPvhEntry: true))), Is.True);
        Assert.That(ElfPvhNote.HasPvhEntry(scratch.WriteBytes("without", PvhKernelFiles.Elf(withPvhEntry: false))), Is.False);
        Assert.That(ElfPvhNote.HasPvhEntry(scratch.FakeBzImage()), Is.False);
    }
}
