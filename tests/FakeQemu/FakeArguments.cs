namespace FakeQemu;

/// <summary>What the fake needs from a QEMU argument list.</summary>
sealed record FakeArguments(bool AsksVersion, bool UnderKvm, bool IsKvmProbe, string? ConsolePath, bool ResultsOnStdout, string KernelCommandLine)
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
        var underKvm = args.Contains("kvm");
        // The harness probes KVM by booting a kernel whose /init only answers (harness.probe on its command line).
        var isKvmProbe = underKvm && commandLine.Split(' ').Contains("harness.probe");
        return new FakeArguments(args.Contains("--version"), underKvm, isKvmProbe, console, resultsOnStdout, commandLine);
    }

    /// <summary>The behaviour asked for: FAKEQEMU_MODE, else a fakeqemu.mode= word of -append, else pass.</summary>
    public string Mode =>
        Environment.GetEnvironmentVariable("FAKEQEMU_MODE")
        ?? KernelCommandLine.Split(' ').FirstOrDefault(word => word.StartsWith(ModeWord, StringComparison.Ordinal))?[ModeWord.Length..]
        ?? "pass";
}
