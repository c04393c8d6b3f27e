namespace Harness.GuestImage;

/// <summary>The guest image could not be built (publish failed, a tool or library is missing).</summary>
public sealed class GuestBuildException(string message) : Exception(message);
