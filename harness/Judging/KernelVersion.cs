using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Judging;

/// <summary>
/// The major and minor version of a kernel release as <c>uname -r</c> shows it: Debian's
/// <c>6.1.0-50-amd64</c>, <c>6.12.117+deb13-amd64</c> and <c>7.3-amd64</c>, a source build's
/// <c>5.10.223</c>, a release candidate's <c>7.3.0-rc7</c>. The rest (patch level, ABI, flavour)
/// never decides whether a feature exists.
/// </summary>
public readonly partial record struct KernelVersion(int Major, int Minor) : IComparable<KernelVersion>
{
    /// <summary>rseq came in v4.18 (d7822b1e24f2).</summary>
    public static KernelVersion Rseq { get; } = new(4, 18);

    /// <summary>node_id and mm_cid came in v6.3.</summary>
    public static KernelVersion NodeIdMmCid { get; } = new(6, 3);

    /// <summary>
    /// Registrations longer than 32 bytes (ABI v2, the _v2 scenarios) came in v6.3 with the
    /// extensible rseq ABI (ee3e3ac05c26), announced by AT_RSEQ_FEATURE_SIZE and AT_RSEQ_ALIGN.
    /// </summary>
    public static KernelVersion AbiV2Registration { get; } = new(6, 3);

    /// <returns>Null when the text does not begin with <c>major.minor</c>: no rule is applied then.</returns>
    public static KernelVersion? Parse(string? release)
    {
        var match = release is null ? null : Pattern().Match(release.Trim());
        if (match is not { Success: true }
            || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return null;
        return new KernelVersion(major, minor);
    }

    public int CompareTo(KernelVersion other) => (Major, Minor).CompareTo((other.Major, other.Minor));

    public static bool operator >=(KernelVersion left, KernelVersion right) => left.CompareTo(right) >= 0;

    public static bool operator <=(KernelVersion left, KernelVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >(KernelVersion left, KernelVersion right) => left.CompareTo(right) > 0;

    public static bool operator <(KernelVersion left, KernelVersion right) => left.CompareTo(right) < 0;

    public override string ToString() => $"{Major}.{Minor}";

    // The minor must end at a '.', '-', '+', '~' or the end: "6.12abc" is no version.
    [GeneratedRegex(@"^(\d{1,4})\.(\d{1,4})(?=$|[.\-+~_])")]
    private static partial Regex Pattern();
}
