namespace Harness.Prerequisites;

/// <summary>A program the harness needs on the host, and the Debian package that brings it.</summary>
public sealed record Requirement(string Command, string Package, string Why);
