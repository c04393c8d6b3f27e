namespace Harness.GuestImage;

/// <summary>
/// The host's statically linked busybox (Debian package busybox-static), which gives /init its
/// shell and the few commands it runs without bringing more libraries into the guest.
/// </summary>
public static class StaticBusybox
{
    public const string DefaultPath = "/bin/busybox";

    /// <summary>The applets /init uses; each becomes a symlink /bin/&lt;name&gt; → busybox.</summary>
    public static readonly IReadOnlyList<string> Applets = ["cat", "echo", "grep", "mkdir", "mount", "reboot", "sh", "sleep"];

    /// <summary>Reads the binary, refusing a dynamically linked one (Debian's plain busybox package).</summary>
    /// <exception cref="GuestBuildException">Missing, not ELF, or dynamically linked.</exception>
    public static byte[] Load(string path = DefaultPath)
    {
        if (!File.Exists(path))
            throw new GuestBuildException($"{path} is missing: install the busybox-static package");
        var image = File.ReadAllBytes(path);
        if (ElfFile.HasInterpreter(image))
            throw new GuestBuildException($"{path} is dynamically linked: install busybox-static instead of busybox");
        return image;
    }
}
