using System.Globalization;
using System.Net;

namespace Harness.Reports.Html;

/// <summary>
/// Text into markup. Everything run.json holds (kernel names, reasons, console lines) is untrusted:
/// a console line is whatever the guest's kernel printed, so every value goes through here, and
/// values only ever land in text or in double-quoted attributes, never in the script or the style.
/// </summary>
static class Html
{
    /// <summary>Escapes &lt; &gt; &amp; " and ', which makes a value safe both as text and inside a quoted attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
