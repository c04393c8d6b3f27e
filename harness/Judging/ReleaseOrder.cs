namespace Harness.Judging;

/// <summary>
/// Orders kernel releases as versions, not as text: runs of digits compare as numbers, so
/// 5.10.0-9 comes before 5.10.0-30 and 6.1 before 6.12; other characters compare as text.
/// Good enough for Debian's ABI names and upstream releases alike, which is all a matrix holds.
/// </summary>
public sealed class ReleaseOrder : IComparer<string>
{
    public static readonly ReleaseOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (left, nextI) = Number(x, i);
                var (right, nextJ) = Number(y, j);
                if (left != right)
                    return left.CompareTo(right);
                (i, j) = (nextI, nextJ);
                continue;
            }
            if (x[i] != y[j])
                return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    static (decimal Value, int Next) Number(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        // decimal: a 20-digit run still compares without overflow.
        var digits = text[start..Math.Min(end, start + 28)];
        return (decimal.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), end);
    }
}
