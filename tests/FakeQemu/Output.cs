using System.Text;

namespace FakeQemu;

/// <summary>The fake's two serial ports and stderr, written the way QEMU writes them.</summary>
sealed class Output(string? consolePath) : IDisposable
{
    readonly Stream _results = System.Console.OpenStandardOutput();
    // QEMU's file: chardev truncates the file when it starts.
    readonly StreamWriter? _console = consolePath is null ? null : new StreamWriter(consolePath, append: false) { AutoFlush = true };
    double _uptime = 0.5;

    /// <summary>A kernel message with its timestamp, as the console shows it.</summary>
    public void Kernel(string message)
    {
        _console?.Write($"[{_uptime,12:0.000000}] {message}\r\n");
        _uptime += 0.013;
    }

    /// <summary>A console line without a timestamp, as the kernel's real-mode setup code prints it.</summary>
    public void Console(string line) => _console?.Write(line + "\r\n");

    /// <summary>A line on the result port: the tty turns \n into \r\n.</summary>
    public void Result(string line) => Raw(Encoding.UTF8.GetBytes(line + "\r\n"));

    public void Raw(byte[] bytes)
    {
        _results.Write(bytes);
        _results.Flush();
    }

    public static void Error(string line) => System.Console.Error.WriteLine($"qemu-system-x86_64: {line}");

    /// <summary>A stderr line as QEMU's KVM code prints it, without the program name.</summary>
    public static void RawError(string line) => System.Console.Error.WriteLine(line);

    public void Dispose()
    {
        _console?.Dispose();
        _results.Dispose();
    }
}
