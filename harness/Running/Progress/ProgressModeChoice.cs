namespace Harness.Running.Progress;

/// <summary>Whether a run shows the live table or plain lines.</summary>
public static class ProgressModeChoice
{
    /// <summary>
    /// Auto is live only on a terminal a person watches: not when the output goes to a file or a
    /// pipe, not under CI (CI logs keep escape codes as garbage), and not on TERM=dumb, which cannot
    /// move the cursor. NO_COLOR does not matter here: it asks for no colour, which Spectre.Console
    /// honours by itself, not for no redrawing.
    /// </summary>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static ProgressMode Resolve(ProgressMode asked, bool outputRedirected, Func<string, string?> environment)
    {
        if (asked != ProgressMode.Auto)
            return asked;
        if (outputRedirected)
            return ProgressMode.Plain;
        if (IsSet(environment("CI")))
            return ProgressMode.Plain;
        if (string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal))
            return ProgressMode.Plain;
        return ProgressMode.Live;
    }

    /// <summary>CI services set CI=true (GitHub, GitLab) or CI=1; "false" and "0" say it is not one.</summary>
    static bool IsSet(string? value) =>
        !string.IsNullOrEmpty(value) && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>For this process: its standard output and environment.</summary>
    public static ProgressMode ForThisProcess(ProgressMode asked) =>
        Resolve(asked, Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
}
