using Harness.Processes;

namespace Harness.GuestImage;

/// <summary>Publishes the guest project as a NativeAOT linux-x64 executable with <c>dotnet publish</c>.</summary>
/// <param name="repoRoot">The repository root; the SDK resolves global.json from there.</param>
public sealed class GuestPublisher(string repoRoot)
{
    /// <summary>The executable's name, fixed by AssemblyName in guest/Guest.csproj.</summary>
    public const string BinaryName = "guest";

    private const int QuotedTailLines = 30;

    /// <summary>Publishes into <paramref name="outputDirectory"/> (emptied first) and returns the executable's path.</summary>
    /// <param name="logPath">Receives the whole build output.</param>
    /// <exception cref="GuestBuildException">The build failed; the message quotes its last lines.</exception>
    public async Task<string> PublishAsync(string outputDirectory, string logPath, CancellationToken ct)
    {
        if (Directory.Exists(outputDirectory))
            Directory.Delete(outputDirectory, recursive: true);
        var project = Path.Combine(repoRoot, "guest", "Guest.csproj");

        int exitCode;
        IReadOnlyList<string> tail;
        using (var log = new OutputLog(logPath, QuotedTailLines))
        {
            exitCode = await Tool.RunLineByLineAsync(
                new ToolCommand("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", outputDirectory, "--nologo"], repoRoot, DotnetSdk.Quiet),
                log.Add,
                log.Add,
                ct);
            tail = log.Tail();
        }

        var binary = Path.Combine(outputDirectory, BinaryName);
        if (exitCode != 0 || !File.Exists(binary))
            throw new GuestBuildException(
                $"dotnet publish of {project} failed (exit code {exitCode}, full log: {logPath}):"
                + Environment.NewLine + string.Join(Environment.NewLine, tail));
        return binary;
    }
}
