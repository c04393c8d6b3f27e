using System.Text;
using Protocol;

namespace FakeQemu;

/// <summary>What the fake needs from a QEMU argument list.</summary>
sealed record FakeArguments(bool AsksVersion, bool UnderKvm, bool IsKvmProbe, string? ConsolePath, bool ResultsOnStdout, string KernelCommandLine, string? KernelImage, string? Initramfs)
{
    public const string ModeWord = "fakeqemu.mode=";

    public static FakeArguments Parse(IReadOnlyList<string> args)
    {
        string? console = null;
        string? kernel = null;
        string? initramfs = null;
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
            else if (option == "-initrd")
                initramfs = value;
        }
        var underKvm = args.Contains("kvm");
        // The harness probes KVM by booting a kernel whose /init only answers (harness.probe on its command line).
        var isKvmProbe = underKvm && commandLine.Split(' ').Contains("harness.probe");
        return new FakeArguments(args.Contains("--version"), underKvm, isKvmProbe, console, resultsOnStdout, commandLine, kernel, initramfs);
    }

    /// <summary>
    /// The behaviour asked for: FAKEQEMU_MODE, else a fakeqemu.mode= word of -append, else one
    /// written into the kernel image (so each kernel of a matrix can behave differently), else pass.
    /// </summary>
    public string Mode => Setting("FAKEQEMU_MODE", ModeWord) ?? "pass";

    /// <summary>
    /// How the host's KVM behaves (see Program.Kvm): FAKEQEMU_KVM, else a fakeqemu.kvm= word of
    /// -append, else one written into the kernel image or the initramfs, else works. The word and
    /// the files let tests run side by side, each with its own KVM, where the variable would be the
    /// whole test process's.
    /// </summary>
    public string KvmBehaviour => Setting("FAKEQEMU_KVM", KvmWord) ?? WordInFile(Initramfs, KvmWord) ?? "works";

    public const string KvmWord = "fakeqemu.kvm=";

    string? Setting(string variable, string word) =>
        Environment.GetEnvironmentVariable(variable)
        ?? KernelCommandLine.Split(' ').FirstOrDefault(w => w.StartsWith(word, StringComparison.Ordinal))?[word.Length..]
        ?? WordInFile(KernelImage, word);

    /// <summary>The scenarios the harness asked the guest for (rseqh.scenarios=), else the one the fake always played.</summary>
    public IReadOnlyList<string> Scenarios =>
        GuestParameters.ParseCommandLine(KernelCommandLine).TryGetValue(GuestParameters.Scenarios, out var names) && names.Length > 0
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries)
            : [Scripts.Scenario];

    /// <summary>The NAME of a "<paramref name="word"/>NAME" text ended by a NUL anywhere in the file (the -kernel or -initrd one).</summary>
    static string? WordInFile(string? path, string word)
    {
        if (path is null || !File.Exists(path))
            return null;
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(word));
        if (at < 0)
            return null;
        var value = bytes.AsSpan(at + word.Length);
        var end = value.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? value : value[..end]);
    }
}
