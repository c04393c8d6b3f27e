namespace Harness.Config;

/// <summary>Which QEMU accelerator to use. Auto probes KVM by starting QEMU and falls back to TCG.</summary>
public enum AccelChoice
{
    Auto,
    Kvm,
    Tcg,
}
