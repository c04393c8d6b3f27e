namespace Harness.Reports;

/// <summary>
/// A reason cut to what fits in a table cell: its first clause (the words before a parenthesis or
/// a semicolon, where the details start), at most <see cref="MaxLength"/> characters. The whole
/// reason stays in the notes and the other formats.
/// </summary>
public static class ShortReason
{
    public const int MaxLength = 60;

    public static string Of(string reason)
    {
        var text = reason.ReplaceLineEndings(" ").Trim();
        var cut = text.IndexOfAny(['(', ';']);
        if (cut > 0)
            text = text[..cut].TrimEnd(' ', ',', ':');
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
