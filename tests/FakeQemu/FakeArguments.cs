using System.Text;
using Protocol;

namespace FakeQemu;

/// <summary>What the fake needs from a QEMU argument list.</summary>
sealed record FakeArguments(bool AsksVersion, bool UnderKvm, bool IsKvmProbe, string? ConsolePath, bool ResultsOnStdout, string KernelCommandLine, string? KernelImage)
{
    public const string ModeWord = "fakeqemu.mode=";

    public static FakeArguments Parse(IReadOnlyList<string> args)
    {
        string? console = null;
        string? kernel = null;
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
            else if (option == "-kernel")
                kernel = value;
        }
        var underKvm = args.Contains("kvm");
        // The harness probes KVM by booting a kernel whose /init only answers (harness.probe on its command line).
        var isKvmProbe = underKvm && commandLine.Split(' ').Contains("harness.probe");
        return new FakeArguments(args.Contains("--version"), underKvm, isKvmProbe, console, resultsOnStdout, commandLine, kernel);
    }

    /// <summary>
    /// The behaviour asked for: FAKEQEMU_MODE, else a fakeqemu.mode= word of -append, else one
    /// written into the kernel image (so each kernel of a matrix can behave differently), else pass.
    /// </summary>
    public string Mode =>
        Environment.GetEnvironmentVariable("FAKEQEMU_MODE")
        ?? KernelCommandLine.Split(' ').FirstOrDefault(word => word.StartsWith(ModeWord, StringComparison.Ordinal))?[ModeWord.Length..]
        ?? ModeInKernelImage()
        ?? "pass";

    /// <summary>The scenarios the harness asked the guest for (rseqh.scenarios=), else the one the fake always played.</summary>
    public IReadOnlyList<string> Scenarios =>
        GuestParameters.ParseCommandLine(KernelCommandLine).TryGetValue(GuestParameters.Scenarios, out var names) && names.Length > 0
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : [Scripts.Scenario];

    /// <summary>A "fakeqemu.mode=NAME" text ended by a NUL anywhere in the -kernel file.</summary>
    string? ModeInKernelImage()
    {
        if (KernelImage is null || !File.Exists(KernelImage))
            return null;
        var bytes = File.ReadAllBytes(KernelImage);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ModeWord));
        if (at < 0)
            return null;
        var value = bytes.AsSpan(at + ModeWord.Length);
        var end = value.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? value : value[..end]);
    }
}
