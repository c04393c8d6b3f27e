using System.Text.RegularExpressions;

namespace Harness.Sharding;

/// <summary>
/// <c>--run-id</c>: it names the run folder, so it is held to what is safe as a file name on every
/// CI system (no '/', no leading dot or dash, nothing a shell would expand).
/// </summary>
public static partial class RunIds
{
    public const int MaxLength = 100;

    public static string? Problem(string runId) =>
        runId.Length <= MaxLength && Form().IsMatch(runId) && runId != "latest"
            ? null
            : $"--run-id '{runId}': use 1 to {MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit (and not 'latest')";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Form();
}
