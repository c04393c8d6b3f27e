namespace FakeQemu;

/// <summary>What the fake needs from a QEMU argument list.</summary>
sealed record FakeArguments(bool AsksVersion, bool ProbesKvm, string? ConsolePath, bool ResultsOnStdout, string KernelCommandLine)
{
    public const string ModeWord = "fakeqemu.mode=";

    public static FakeArguments Parse(IReadOnlyList<string> args)
    {
        string? console = null;
        var resultsOnStdout = false;
        var commandLine = "";
        for (var i = 0; i < args.Count - 1; i++)
        {
            var (option, value) = (args[i], args[i + 1]);
            if (option == "-serial" && value.StartsWith("file:", StringComparison.Ordinal))
                console = value["file:".Length..];
            else if (option == "-serial" && value == "stdio")
                resultsOnStdout = true;
            else if (option == "-append")
                commandLine = value;
        }
        var probesKvm = args.Contains("kvm") && args.Any(arg => arg.StartsWith("isa-debugcon", StringComparison.Ordinal));
        return new FakeArguments(args.Contains("--version"), probesKvm, console, resultsOnStdout, commandLine);
    }

    /// <summary>The behaviour asked for: FAKEQEMU_MODE, else a fakeqemu.mode= word of -append, else pass.</summary>
    public string Mode =>
        Environment.GetEnvironmentVariable("FAKEQEMU_MODE")
        ?? KernelCommandLine.Split(' ').FirstOrDefault(word => word.StartsWith(ModeWord, StringComparison.Ordinal))?[ModeWord.Length..]
        ?? "pass";
}
