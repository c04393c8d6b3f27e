using System.Formats.Tar;
using Harness.Processes;

namespace Harness.Kernels.Debian;

/// <summary>Takes the kernel image, and nothing else, out of a .deb.</summary>
public static class DebExtractor
{
    /// <summary>
    /// Streams <c>dpkg-deb --fsys-tarfile</c> through a tar reader and writes the one member that is the kernel
    /// image to <paramref name="destination"/>; returns its member name, or null when the package has none.
    /// One pass, nothing else written: a 6.x package carries hundreds of MB of modules we do not need.
    /// </summary>
    public static Task<string?> ExtractKernelImageAsync(string debPath, string destination, CancellationToken ct) =>
        ExtractFirstAsync(debPath, KernelPackageRules.IsKernelImageMember, destination, ct);

    /// <summary>
    /// The same for any member: writes the first regular file whose tar name <paramref name="isWanted"/>
    /// accepts (e.g. linux-source-5.10's <c>usr/src/linux-source-5.10.tar.xz</c>); its name, or null.
    /// </summary>
    public static async Task<string?> ExtractFirstAsync(string debPath, Func<string, bool> isWanted, string destination, CancellationToken ct)
    {
        string? extracted = null;
        Exception? tarProblem = null;
        async Task ReadTarAsync(Stream stream, CancellationToken token)
        {
            try
            {
                extracted = await ExtractFirstMatchAsync(stream, isWanted, destination, token);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                // Reported after dpkg-deb's own exit status, which usually says more.
                tarProblem = e;
            }
            // Read to the end so dpkg-deb never dies of a broken pipe after the tar's end-of-archive blocks.
            await stream.CopyToAsync(Stream.Null, token);
        }

        var result = await Tool.RunReadingOutputAsync(new ToolCommand("dpkg-deb", ["--fsys-tarfile", debPath]), ReadTarAsync, ct);
        if (result.ExitCode != 0)
            throw new KernelAcquisitionException(
                $"dpkg-deb could not read {Path.GetFileName(debPath)}: {AptDiagnostics.FirstProblem(result.StandardError, result.ExitCode)}");
        if (tarProblem is not null)
            throw new KernelAcquisitionException(
                $"the data of {Path.GetFileName(debPath)} is not a readable tar: {tarProblem.Message}", tarProblem);
        return extracted;
    }

    private static async Task<string?> ExtractFirstMatchAsync(Stream tar, Func<string, bool> isWanted, string destination, CancellationToken ct)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (!IsRegularFile(entry) || !isWanted(entry.Name) || entry.DataStream is null)
                continue;
            await using var file = File.Create(destination);
            await entry.DataStream.CopyToAsync(file, ct);
            return entry.Name;
        }
        return null;
    }

    private static bool IsRegularFile(TarEntry entry) =>
        entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile;
}
