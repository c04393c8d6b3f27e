using System.Globalization;
using Harness.GuestImage;

namespace Harness.Vm;

/// <summary>
/// What the console log says about the guest program itself: whether the kernel printed anything,
/// and what the guest's /init reported about it (<see cref="InitScript"/>): that it started, and
/// the status it exited with. A crashed guest writes no final KTAP line, so this status is the
/// only account of why its stream stopped.
/// </summary>
/// <param name="KernelSpoke">The console has at least one line: the kernel ran far enough to print.</param>
/// <param name="GuestStarted">/init got as far as starting the guest program.</param>
/// <param name="GuestExitStatus">The status /init saw (128 + N when signal N killed the guest); null when it never said.</param>
public sealed record GuestConsole(bool KernelSpoke, bool GuestStarted, int? GuestExitStatus)
{
    /// <summary>Where the guest and each of its scenarios began and ended on the console.</summary>
    public ConsoleTimeline Timeline { get; init; } = ConsoleTimeline.None;

    /// <summary>A console that is missing or empty: the kernel never printed.</summary>
    public static GuestConsole Silent { get; } = new(false, false, null);

    public static GuestConsole Read(IEnumerable<string> lines)
    {
        var all = lines as IReadOnlyList<string> ?? lines.ToList();
        var spoke = false;
        var started = false;
        int? status = null;
        foreach (var line in all)
        {
            var message = ConsoleScanner.Message(line);
            spoke |= message.Length > 0;
            // Contains, not StartsWith: when /dev/kmsg cannot be opened /init echoes to the tty,
            // and its line may then share the console with the end of a kernel message.
            started |= message.Contains(InitScript.GuestStartMarker, StringComparison.Ordinal);
            var at = message.IndexOf(InitScript.GuestExitMarker, StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(message.AsSpan(at + InitScript.GuestExitMarker.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                status = value;
        }
        return new GuestConsole(spoke, started || status is not null, status) { Timeline = ConsoleTimeline.Read(all) };
    }

    /// <summary>Reads a console log; a missing file (QEMU never opened it) is a silent console.</summary>
    public static GuestConsole ReadFile(string path) =>
        File.Exists(path) ? Read(File.ReadLines(path)) : Silent;
}
