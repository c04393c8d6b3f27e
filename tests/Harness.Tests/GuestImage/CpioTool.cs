using CliWrap;
using CliWrap.Buffered;

namespace Harness.Tests.GuestImage;

/// <summary>The system's GNU cpio, as an independent judge of the archives the writer makes.</summary>
internal static class CpioTool
{
    public static async Task<IReadOnlyList<string>> ListAsync(string archivePath, bool verbose = false)
    {
        var result = await Cli.Wrap("cpio")
            .WithArguments(args => args.Add(verbose ? "-itv" : "-it").Add("--quiet").Add("-F").Add(archivePath))
            .ExecuteBufferedAsync(CancellationToken.None);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task ExtractAsync(string archivePath, string destination)
    {
        Directory.CreateDirectory(destination);
        await Cli.Wrap("cpio")
            .WithArguments(args => args.Add("-idm").Add("--quiet").Add("-F").Add(archivePath))
            .WithWorkingDirectory(destination)
            .ExecuteBufferedAsync(CancellationToken.None);
    }
}
