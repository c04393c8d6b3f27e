using System.ComponentModel;
using Harness.Prerequisites;
using Harness.Processes;
using Harness.Storage;

namespace Harness.Vm;

/// <summary>The version line of QEMU, recorded with every run.</summary>
/// <param name="cache">
/// Where the line is kept between runs, keyed by the QEMU binary's identity (real path, inode, size,
/// mtime, ctime: a package upgrade rewrites the file and always misses); null: ask QEMU every time.
/// </param>
public sealed class QemuVersion(string qemuPath = QemuRunner.DefaultQemu, ToolVersionCache? cache = null)
{
    /// <summary>The first line of <c>--version</c>, e.g. "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)".</summary>
    /// <exception cref="QemuNotFoundException">QEMU cannot be started.</exception>
    /// <exception cref="EnvironmentException">QEMU starts but does not answer.</exception>
    public async Task<string> ReadAsync(CancellationToken ct)
    {
        if (cache is null)
            return await AskAsync(qemuPath, ct);
        // The binary the key describes is the one asked, so an answer is never kept under another file's
        // key (.NET's own lookup of a bare name tries the program's folder and the working directory first).
        var binary = PathSearch.Resolve(qemuPath);
        var identity = binary is null ? null : FileIdentity.TryRead(binary);
        return await cache.GetAsync(identity is null ? null : ["qemu --version", identity.ToString()],
            token => AskAsync(binary ?? qemuPath, token), ct);
    }

    async Task<string> AskAsync(string program, CancellationToken ct)
    {
        ToolResult result;
        try
        {
            result = await Tool.RunAsync(program, ["--version"], workingDirectory: null, ct);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new QemuNotFoundException(qemuPath, e);
        }

        var firstLine = FirstLine(result.StandardOutput);
        if (result.ExitCode != 0 || firstLine.Length == 0)
            // QEMU is there but broken (a missing library, a wrong binary): the host's problem, not a bug here.
            throw new EnvironmentException(
                $"{qemuPath} --version failed (exit {result.ExitCode}): {FirstLine(result.StandardError)}");
        return firstLine;
    }

    static string FirstLine(string text) => OutputLines.First(text) ?? "";
}
