namespace Harness.Vm;

/// <summary>
/// Watches the console log QEMU writes (<c>-serial file:</c>) and tells when it has stopped growing
/// for a given time, with the last line it held. A booting kernel prints continuously, so a console
/// that falls silent before the guest starts is a stalled boot: on some hosts KVM runs the firmware
/// and the kernel's real-mode setup, then stops dead after "Probing EDD … ok" with QEMU alive and
/// quiet, which without this would cost the whole boot timeout.
/// </summary>
public static class ConsoleSilenceWatch
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Completes when <paramref name="path"/> has not grown for <paramref name="limit"/>; never otherwise.</summary>
    /// <returns>The last non-empty line of the file (its timestamp removed), or null when it stayed empty.</returns>
    public static async Task<string?> UntilSilentAsync(string path, TimeSpan limit, TimeProvider clock, CancellationToken ct)
    {
        var lastLength = -1L;
        var lastGrowth = clock.GetTimestamp();
        while (true)
        {
            await Task.Delay(PollInterval, clock, ct);
            var length = LengthOf(path);
            if (length != lastLength)
            {
                lastLength = length;
                lastGrowth = clock.GetTimestamp();
                continue;
            }
            if (clock.GetElapsedTime(lastGrowth) >= limit)
                return LastLine(path);
        }
    }

    static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Exists ? new FileInfo(path).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The last non-empty line, read from the file's tail only (a console log can be megabytes).</summary>
    public static string? LastLine(string path)
    {
        const int TailBytes = 4096;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            file.Seek(Math.Max(0, file.Length - TailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(file);
            var text = reader.ReadToEnd();
            return text.Split('\n')
                .Select(ConsoleScanner.Message)
                .LastOrDefault(line => line.Length > 0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
