namespace Protocol;

/// <summary>
/// The parameters the harness passes to the guest on the kernel command line (the guest reads
/// them back from /proc/cmdline). The prefix keeps them apart from the kernel's own parameters;
/// a dotted name is taken by the kernel as a module parameter and never handed to init.
/// </summary>
public static class GuestParameters
{
    public const string Prefix = "rseqh.";

    /// <summary>Comma-separated scenario names; absent means all.</summary>
    public const string Scenarios = Prefix + "scenarios";

    /// <summary>Seconds a scenario may run at most (it stops earlier once it has its stress); absent means the depth's cap.</summary>
    public const string Seconds = Prefix + "seconds";

    /// <summary>quick, standard or deep (<see cref="StressDepth"/>): the stress multiple, the cap and the selftests run.</summary>
    public const string Depth = Prefix + "depth";

    /// <summary>The multiple of each scenario's minimum stress it aims for; absent means the depth's.</summary>
    public const string StressMultiple = Prefix + "multiple";

    /// <summary>Seed of the guest's random choices, printed back so a run can be repeated.</summary>
    public const string Seed = Prefix + "seed";

    /// <summary>Worker threads for the scenarios that use several.</summary>
    public const string Threads = Prefix + "threads";

    /// <summary>Test only: a fault the guest injects once its stream began (panic, segv, hang).</summary>
    public const string Fault = Prefix + "fault";

    /// <summary>Reads <c>rseqh.*</c> words of a kernel command line into a name → value map.</summary>
    public static IReadOnlyDictionary<string, string> ParseCommandLine(string commandLine)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in commandLine.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith(Prefix, StringComparison.Ordinal))
                continue;
            var equals = word.IndexOf('=');
            if (equals < 0)
                values[word] = "";
            else
                values[word[..equals]] = word[(equals + 1)..];
        }
        return values;
    }
}
