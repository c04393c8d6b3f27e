using System.Globalization;
using System.Text.RegularExpressions;
using Harness.GuestImage;

namespace Harness.Vm;

/// <summary>
/// Where a boot's time went before and after the guest's work, in seconds: QEMU's start to the
/// kernel's start (firmware, loading and decompressing the kernel), the kernel's start to /init, /init
/// to the guest's first result line (the init script, the NativeAOT start), and the guest's last
/// result line to QEMU's exit (reboot and teardown).
/// </summary>
/// <remarks>
/// The host sees only QEMU's start, the lines of the result port and QEMU's end; the kernel stamps
/// its console lines with its own clock, which starts with the kernel. /init writes its "running the
/// guest" line on both at once (<see cref="InitScript"/>), so that pair ties the two clocks together:
/// the kernel started at the port line's host time minus the console line's stamp. The pair is early
/// in the boot on purpose: under TCG on a busy host the guest's clock falls behind the host's over a
/// run (a tie at the guest's done marker put seconds of that lag into "QEMU to kernel").
/// </remarks>
public sealed partial record BootPhases(double QemuToKernel, double KernelToInit, double InitToFirstLine, double LastLineToExit)
{
    /// <summary>The kernel's own line as it starts the init program (printed at the default log level).</summary>
    public const string RunInitMessage = "Run /init as init process";

    /// <summary>The phases of one boot; null when a stamp or a line is missing (no printk time, an older guest image, no stream).</summary>
    /// <param name="guestStart">Host time from QEMU's start to /init's line on the result port.</param>
    /// <param name="firstLine">Host time from QEMU's start to the guest's first result line.</param>
    /// <param name="lastLine">Host time from QEMU's start to the guest's last result line.</param>
    /// <param name="exited">Host time from QEMU's start to its end.</param>
    public static BootPhases? From(IEnumerable<string> consoleLines, TimeSpan? guestStart, TimeSpan? firstLine, TimeSpan? lastLine, TimeSpan exited)
    {
        if (guestStart is not { } anchor || firstLine is not { } first || lastLine is not { } last)
            return null;
        double? init = null, guest = null;
        foreach (var line in consoleLines)
        {
            if (Stamp(line) is not { } stamp)
                continue;
            var message = ConsoleScanner.Message(line);
            if (init is null && message.Contains(RunInitMessage, StringComparison.Ordinal))
                init = stamp;
            else if (guest is null && message.Contains(InitScript.GuestStartMarker, StringComparison.Ordinal))
                guest = stamp;
        }
        if (init is not { } initAt || guest is not { } guestAt)
            return null;
        var kernelStart = anchor.TotalSeconds - guestAt;
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
