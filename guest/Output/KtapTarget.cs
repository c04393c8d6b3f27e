namespace Guest.Output;

/// <summary>Where the KTAP stream goes: standard output, a device such as /dev/ttyS1, or a file.</summary>
internal static class KtapTarget
{
    const string DevicePrefix = "/dev/";

    /// <param name="path">null for standard output.</param>
    public static Stream Open(string? path)
    {
        if (path is null)
            return Console.OpenStandardOutput();
        // A device is opened as it is (no create, no truncate); bufferSize 0 leaves buffering to the writer's flushes.
        var mode = path.StartsWith(DevicePrefix, StringComparison.Ordinal) ? FileMode.Open : FileMode.Create;
        return new FileStream(path, mode, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
    }
}
