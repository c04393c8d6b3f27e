namespace Harness.Kernels;

/// <summary>A kernel that cannot be had; the message is one line saying which and why.</summary>
public sealed class KernelAcquisitionException(string message, Exception? inner = null)
    : Exception(message, inner);
