using System.ComponentModel;
using Harness.Processes;

namespace Harness.Vm;

/// <summary>The version line of QEMU, recorded with every run.</summary>
public sealed class QemuVersion(string qemuPath = QemuRunner.DefaultQemu)
{
    /// <summary>The first line of <c>--version</c>, e.g. "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)".</summary>
    /// <exception cref="QemuNotFoundException">QEMU cannot be started.</exception>
    public async Task<string> ReadAsync(CancellationToken ct)
    {
        ToolResult result;
        try
        {
            result = await Tool.RunAsync(qemuPath, ["--version"], workingDirectory: null, ct);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new QemuNotFoundException(qemuPath, e);
        }

        var firstLine = FirstLine(result.StandardOutput);
        if (result.ExitCode != 0 || firstLine.Length == 0)
            // QEMU is there but broken (a missing library, a wrong binary): the host's problem, not a bug here.
            throw new Prerequisites.EnvironmentException(
                $"{qemuPath} --version failed (exit {result.ExitCode}): {FirstLine(result.StandardError)}");
        return firstLine;
    }

    static string FirstLine(string text) => OutputLines.First(text) ?? "";
}
