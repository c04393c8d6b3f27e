namespace Harness.Reports.Html;

/// <summary>
/// A link to a file of the run folder, from report.html beside it. run.json records the logs
/// relative to the folder; a path that is not (absolute, climbing out with "..", a URL) is shown as
/// text and never becomes a link, so the report opens nothing outside its folder.
/// </summary>
static class RunFolderLink
{
    /// <summary>The href for <paramref name="relativePath"/>, percent-encoded per segment; null when it is not inside the run folder.</summary>
    public static string? Href(string? relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.StartsWith('/') || relativePath.Contains('\\')
            || relativePath.Contains(':') || relativePath.Any(char.IsControl))
            return null;
        var segments = relativePath.Split('/');
        if (segments.Any(segment => segment is "" or "." or ".."))
            return null;
        // "./" first: a file name can never be read as a scheme or as a protocol-relative URL.
        return "./" + string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    /// <summary>An anchor to the file, or the path as plain text when it is outside the run folder.</summary>
    public static string Anchor(string relativePath, string label) => Href(relativePath) is { } href
        ? $"<a class=\"file\" href=\"{Html.Encode(href)}\">{Html.Encode(label)}</a>"
        : $"<span class=\"file outside\" title=\"not inside the run folder, so not linked\">{Html.Encode(relativePath)}</span>";
}
