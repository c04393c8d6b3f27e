using System.Globalization;
using System.Text.RegularExpressions;
using Protocol;

namespace Harness.Vm;

/// <summary>
/// Where a boot's time went before and after the guest's work, in seconds: QEMU's start to the
/// kernel's start (firmware, loading the kernel and initramfs), the kernel's start to /init, /init
/// to the guest's first result line (the shell script, the NativeAOT start), and the guest's last
/// result line to QEMU's exit (reboot and teardown).
/// </summary>
/// <remarks>
/// The host sees only QEMU's start, the result lines and QEMU's end; the kernel stamps its console
/// lines with its own clock, which starts with the kernel. The guest's done marker (console) follows
/// its last result line (result port) at once, so that pair ties the two clocks together: the kernel
/// started at the host time of the last line minus the done marker's stamp. Under TCG the guest's
/// clock follows the host's, so the phases are good to a few tens of milliseconds.
/// </remarks>
public sealed partial record BootPhases(double QemuToKernel, double KernelToInit, double InitToFirstLine, double LastLineToExit)
{
    /// <summary>The kernel's own line as it starts the init program (printed at the default log level).</summary>
    public const string RunInitMessage = "Run /init as init process";

    /// <summary>The phases of one boot; null when a stamp or a marker is missing (no printk time, no done marker, no stream).</summary>
    /// <param name="firstLine">Host time from QEMU's start to the guest's first result line.</param>
    /// <param name="lastLine">Host time from QEMU's start to the guest's last result line.</param>
    /// <param name="exited">Host time from QEMU's start to its end.</param>
    public static BootPhases? From(IEnumerable<string> consoleLines, TimeSpan? firstLine, TimeSpan? lastLine, TimeSpan exited)
    {
        if (firstLine is not { } first || lastLine is not { } last)
            return null;
        double? init = null, done = null;
        foreach (var line in consoleLines)
        {
            if (Stamp(line) is not { } stamp)
                continue;
            var message = ConsoleScanner.Message(line);
            if (init is null && message.Contains(RunInitMessage, StringComparison.Ordinal))
                init = stamp;
            else if (done is null && ConsoleMarkers.TryParse(message, out var marker) && marker.Kind == ConsoleMarkerKind.Done)
                done = stamp;
        }
        if (init is not { } initAt || done is not { } doneAt)
            return null;
        var kernelStart = last.TotalSeconds - doneAt;
        return new BootPhases(
            Math.Max(0, kernelStart),
            initAt,
            Math.Max(0, first.TotalSeconds - kernelStart - initAt),
            Math.Max(0, (exited - last).TotalSeconds));
    }

    /// <summary>The kernel's time stamp of a console line ("[    2.684610] …"), in seconds.</summary>
    public static double? Stamp(string line)
    {
        var match = StampPattern().Match(line);
        return match.Success ? double.Parse(match.Groups["seconds"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*\[\s*(?<seconds>\d+\.\d+)\]")]
    private static partial Regex StampPattern();
}
