using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Sharding;

/// <summary>
/// <c>--shard I/N</c>: the I-th of N slices of the matrix, dealt round-robin over the kernels in the
/// file's order (kernel k, counted from 0, goes to slice k mod N + 1). The same matrix always gives
/// the same slices, every kernel lands in exactly one, and the slices differ in size by one at most,
/// which a hash of the names could not promise for a matrix of a handful of kernels. Reordering the
/// file moves kernels between slices; it also changes the matrix's hash, so a merge refuses to mix
/// slices of the two orders.
/// </summary>
public sealed partial record ShardSpec(int Index, int Count)
{
    /// <summary>More slices than this is a typo, not a CI system's job count.</summary>
    public const int MaxCount = 256;

    public static bool TryParse(string text, out ShardSpec? shard, out string? problem)
    {
        shard = null;
        var match = Form().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"--shard takes I/N, such as 2/3 (got '{text}')";
            return false;
        }
        if (count is < 1 or > MaxCount || index < 1 || index > count)
        {
            problem = $"--shard {text}: I must be from 1 to N, and N from 1 to {MaxCount}";
            return false;
        }
        shard = new ShardSpec(index, count);
        problem = null;
        return true;
    }

    /// <summary>This slice's items, in their order.</summary>
    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items) => items.Where((_, position) => position % Count == Index - 1).ToList();

    public override string ToString() => $"{Index}/{Count}";

    [GeneratedRegex(@"^\s*(?<index>[0-9]{1,6})\s*/\s*(?<count>[0-9]{1,6})\s*$")]
    private static partial Regex Form();
}
