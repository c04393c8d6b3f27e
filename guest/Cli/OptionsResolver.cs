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
    /// <summary>The cap of the default depth, when neither a depth nor seconds are given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(StressDepthProfile.Of(StressDepthProfile.Default).CapSeconds);
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
            || !TryParseDepth(Pick(arguments.Depth, GuestParameters.Depth), out var profile, out error)
            || !TryParseSeconds(Pick(arguments.Seconds, GuestParameters.Seconds), profile, out var duration, out error)
            || !TryParseStressMultiple(Pick(arguments.StressMultiple, GuestParameters.StressMultiple), profile, out var multiple, out error)
            || !TryParseSeed(Pick(arguments.Seed, GuestParameters.Seed), defaultSeed, out var seed, out error)
            || !TryParseThreads(Pick(arguments.Threads, GuestParameters.Threads), out var threads, out error))
            return false;
        var fault = fromKernel.GetValueOrDefault(GuestParameters.Fault);
        if (fault is not null && !Faults.InjectedFault.All.Contains(fault))
        {
            error = $"unknown fault '{fault}' (one of: {string.Join(", ", Faults.InjectedFault.All)})";
            return false;
        }
        options = new GuestOptions(scenarios, duration, seed, threads, arguments.KtapPath, fault, multiple, profile.Depth);
        return true;
    }

    static bool TryParseDepth(string? text, out StressDepthProfile profile, out string error)
    {
        profile = StressDepthProfile.Of(StressDepthProfile.Default);
        error = "";
        if (text is null)
            return true;
        if (StressDepthProfile.TryParse(text, out var depth))
        {
            profile = StressDepthProfile.Of(depth);
            return true;
        }
        error = $"depth must be one of {string.Join(", ", StressDepthProfile.Names)}, got '{text}'";
        return false;
    }

    /// <summary>The depth's multiple unless one is given; never below 1, so a target is never under the minimum a PASS needs.</summary>
    static bool TryParseStressMultiple(string? text, StressDepthProfile profile, out double multiple, out string error)
    {
        multiple = profile.StressMultiple;
        error = "";
        if (text is null)
            return true;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out multiple)
            && multiple >= StressDepthProfile.MinStressMultiple && multiple <= StressDepthProfile.MaxStressMultiple)
            return true;
        error = $"stress multiple must be a number from {StressDepthProfile.MinStressMultiple} to {StressDepthProfile.MaxStressMultiple}, got '{text}'";
        return false;
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

    /// <summary>The depth's cap unless seconds are given.</summary>
    static bool TryParseSeconds(string? text, StressDepthProfile profile, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.FromSeconds(profile.CapSeconds);
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
