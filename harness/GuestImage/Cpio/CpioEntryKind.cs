namespace Harness.GuestImage.Cpio;

/// <summary>The kinds of archive member the guest root needs; each maps to one S_IFMT value.</summary>
public enum CpioEntryKind
{
    Directory,
    RegularFile,
    Symlink,
    CharacterDevice,
}
