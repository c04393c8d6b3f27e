using System.Globalization;
using Protocol;

namespace Guest.Cli;

/// <summary>
/// Turns the typed arguments, and the <c>rseqh.*</c> parameters of the kernel command line when
/// asked, into <see cref="GuestOptions"/>. An option typed on the guest's command line wins over the
/// kernel command line, so a run can be reproduced by hand with one value changed.
/// </summary>
internal static class OptionsResolver
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    const double MaxSeconds = 3600;

    /// <param name="kernelCommandLine">The text of /proc/cmdline, or null when not asked for.</param>
    /// <param name="defaultSeed">The seed when none is given; printed back so a run can be repeated.</param>
    public static bool TryResolve(
        CommandLineArguments arguments,
        string? kernelCommandLine,
        long defaultSeed,
        out GuestOptions options,
        out string error)
    {
        options = new GuestOptions(ScenarioNames.All, DefaultDuration, defaultSeed, null, arguments.KtapPath);
        var fromKernel = kernelCommandLine is null
            ? new Dictionary<string, string>()
            : GuestParameters.ParseCommandLine(kernelCommandLine);
        string? Pick(string? typed, string parameter) => typed ?? fromKernel.GetValueOrDefault(parameter);

        if (!TryParseScenarios(Pick(arguments.Scenarios, GuestParameters.Scenarios), out var scenarios, out error)
            || !TryParseSeconds(Pick(arguments.Seconds, GuestParameters.Seconds), out var duration, out error)
            || !TryParseSeed(Pick(arguments.Seed, GuestParameters.Seed), defaultSeed, out var seed, out error)
            || !TryParseThreads(Pick(arguments.Threads, GuestParameters.Threads), out var threads, out error))
            return false;
        var fault = fromKernel.GetValueOrDefault(GuestParameters.Fault);
        if (fault is not null && !Faults.InjectedFault.All.Contains(fault))
        {
            error = $"unknown fault '{fault}' (one of: {string.Join(", ", Faults.InjectedFault.All)})";
            return false;
        }
        options = new GuestOptions(scenarios, duration, seed, threads, arguments.KtapPath, fault);
        return true;
    }

    static bool TryParseScenarios(string? text, out IReadOnlyList<string> scenarios, out string error)
    {
        scenarios = ScenarioNames.All;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (!ScenarioNames.IsKnown(name))
            {
                error = $"unknown scenario '{name}' (see --list)";
                return false;
            }
        }
        scenarios = names;
        return true;
    }

    static bool TryParseSeconds(string? text, out TimeSpan duration, out string error)
    {
        duration = DefaultDuration;
        error = "";
        if (text is null)
            return true;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= MaxSeconds)
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        error = $"seconds must be a number above 0 and at most {MaxSeconds}, got '{text}'";
        return false;
    }

    static bool TryParseSeed(string? text, long defaultSeed, out long seed, out string error)
    {
        seed = defaultSeed;
        error = "";
        if (text is null || long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            return true;
        error = $"seed must be an integer, got '{text}'";
        return false;
    }

    static bool TryParseThreads(string? text, out int? threads, out string error)
    {
        threads = null;
        error = "";
        if (text is null)
            return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
        {
            threads = count;
            return true;
        }
        error = $"threads must be a whole number of at least 1, got '{text}'";
        return false;
    }
}
