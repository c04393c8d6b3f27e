using System.Text;

namespace Guest.Output;

/// <summary>
/// Writes KTAP lines (built by <see cref="Protocol.KtapLines"/>) and flushes each one, so a guest
/// that dies mid-run still leaves every line it got to on the serial port.
/// </summary>
/// <remarks>Lines end in <c>\n</c> only: the tty adds the <c>\r</c> a serial console wants.</remarks>
internal sealed class KtapWriter(Stream stream) : IDisposable
{
    public void WriteLine(string line)
    {
        stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush();
    }

    public void Dispose() => stream.Dispose();
}
