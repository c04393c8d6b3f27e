namespace Harness.KernelBuild;

/// <summary>A kernel could not be built; the message is one line and names the log when there is one.</summary>
public sealed class KernelBuildException(string message) : Exception(message);
