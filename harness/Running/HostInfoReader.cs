using Harness.Records;

namespace Harness.Running;

/// <summary>Describes the machine the harness runs on, for run.json.</summary>
public static class HostInfoReader
{
    public static HostInfo Read() => new(
        Environment.MachineName,
        OsName(),
        ReadTrimmed("/proc/sys/kernel/osrelease") ?? "unknown",
        Environment.ProcessorCount);

    static string OsName()
    {
        var line = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return line?["PRETTY_NAME=".Length..].Trim('"') ?? Environment.OSVersion.VersionString;
    }

    static string? ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
