namespace Harness.Vm;

/// <summary>The matrix asks for KVM explicitly and KVM does not work on this machine.</summary>
public sealed class AccelUnavailableException(string reason)
    : Exception($"KVM was requested but does not work here: {reason}");
