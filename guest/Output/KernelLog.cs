using System.Text;
using Protocol;

namespace Guest.Output;

/// <summary>
/// Writes the guest's console markers into the kernel log, so that they appear on the console
/// between the kernel's own messages and the harness can tell in which scenario a kernel bug struck.
/// </summary>
/// <remarks>
/// The device is opened anew for every marker: the kernel rate-limits /dev/kmsg writes per open
/// file (10 per 5 s by default, printk.devkmsg=ratelimit), and a run of quick scenarios and
/// selftests writes more than that. A marker that cannot be written (no /dev/kmsg, or a host where
/// the guest is not root) is dropped: the harness then falls back to its rules for a console
/// without markers, and the guest's own verdicts do not depend on it. Run on a host as root, the
/// markers land in the host's dmesg, where they serve the same purpose.
/// </remarks>
internal sealed class KernelLog(string path = KernelLog.DevicePath) : IKernelLog
{
    public const string DevicePath = "/dev/kmsg";

    public void Write(string marker)
    {
        try
        {
            // bufferSize 0: the record goes out in one write(), which /dev/kmsg takes as one message.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            // /dev/kmsg cannot seek; a regular file (a test's stand-in) is appended to.
            if (stream.CanSeek)
                stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.UTF8.GetBytes(ConsoleMarkers.KernelLogRecord(marker)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Dropped on purpose: see the remarks.
        }
    }
}
