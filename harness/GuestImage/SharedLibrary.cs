namespace Harness.GuestImage;

/// <summary>A shared library the guest binary loads.</summary>
/// <param name="GuestPath">Absolute path where the dynamic loader looks for it (as ldd reports it).</param>
/// <param name="HostFile">The real file on the host behind that path, all symlinks followed.</param>
public sealed record SharedLibrary(string GuestPath, string HostFile);
