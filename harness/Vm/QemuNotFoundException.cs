namespace Harness.Vm;

/// <summary>QEMU is not installed (or not at the configured path): a setup problem, not a test result.</summary>
public sealed class QemuNotFoundException(string qemuPath, Exception? inner = null)
    : Exception($"{qemuPath} was not found: install qemu-system-x86 (apt-get install qemu-system-x86).", inner);
