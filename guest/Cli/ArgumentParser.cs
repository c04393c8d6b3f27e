using Guest.Running;
using Guest.Scenarios.AbiV2;
using Guest.Scenarios.LegacyCpuIdStart;

namespace Guest.Cli;

/// <summary>
/// Parses the guest's arguments by hand: the guest stays small and trimming-safe without a
/// command-line library.
/// </summary>
internal static class ArgumentParser
{
    public const string DefaultKernelCommandLinePath = "/proc/cmdline";

    public static bool TryParse(IReadOnlyList<string> args, out CommandLineArguments arguments, out string error)
    {
        arguments = new CommandLineArguments();
        error = "";
        for (var index = 0; index < args.Count; index++)
        {
            var option = args[index];
            switch (option)
            {
                case "--help" or "-h":
                    arguments = arguments with { Help = true };
                    continue;
                case "--list":
                    arguments = arguments with { List = true };
                    continue;
                case LegacyProbeLauncher.ProbeOption:
                    // Hidden from --help: only the guest itself passes it, to the copy it starts.
                    arguments = arguments with { LegacyProbe = true };
                    continue;
                case RseqOffChild.ServeOption:
                    // Hidden from --help: only the guest itself passes it, to the copy it starts.
                    arguments = arguments with { RseqOffChild = true };
                    continue;
                case AbiV2Child.Option:
                    // Hidden from --help: only a _v2 scenario passes it, to the copy it starts.
                    arguments = arguments with { AbiV2Child = true };
                    continue;
                case "--kernel-cmdline":
                    // The path is optional: take the next word unless it is another option.
                    var hasPath = index + 1 < args.Count && !args[index + 1].StartsWith('-');
                    arguments = arguments with { KernelCommandLinePath = hasPath ? args[++index] : DefaultKernelCommandLinePath };
                    continue;
            }

            if (!IsValueOption(option))
            {
                error = $"unknown option '{option}'";
                return false;
            }
            if (index + 1 >= args.Count)
            {
                error = $"option '{option}' needs a value";
                return false;
            }
            arguments = WithValue(arguments, option, args[++index]);
        }
        return true;
    }

    static bool IsValueOption(string option) =>
        option is "--scenarios" or "--seconds" or "--seed" or "--threads" or "--ktap" or "--selftests" or "--depth" or "--stress-multiple";

    static CommandLineArguments WithValue(CommandLineArguments arguments, string option, string value) => option switch
    {
        "--scenarios" => arguments with { Scenarios = value },
        "--seconds" => arguments with { Seconds = value },
        "--seed" => arguments with { Seed = value },
        "--threads" => arguments with { Threads = value },
        "--selftests" => arguments with { SelftestsPath = value },
        "--depth" => arguments with { Depth = value },
        "--stress-multiple" => arguments with { StressMultiple = value },
        _ => arguments with { KtapPath = value },
    };
}
