using Harness.Processes;

namespace Harness.KernelBuild;

/// <summary>
/// Runs the kernel's make out of tree, every line into the build log, and now and then the latest
/// step ("CC kernel/sched/core.o") to the progress callback so a two-minute build does not look hung.
/// </summary>
sealed class MakeRunner(MakeDirectories directories, int jobs, Action<string> progress, TextWriter log)
{
    public MakeRunner(BuildLayout layout, int jobs, Action<string> progress, TextWriter log)
        : this(new MakeDirectories(layout.TreeSource, layout.ObjectDirectory, layout.LogPath), jobs, progress, log) { }

    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    // Variables that would change what kbuild does if inherited: a harness started from `make run`
    // passes its own MAKEFLAGS (jobserver descriptors), and a user's ARCH or O= would redirect the build.
    // Each is named with no value, so make does not inherit it.
    static readonly IReadOnlyDictionary<string, string?> InheritedVariablesDropped =
        new[] { "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "ARCH", "CROSS_COMPILE", "KBUILD_OUTPUT", "KCONFIG_CONFIG", "O", "W", "C" }
            .ToDictionary(name => name, _ => (string?)null);

    readonly Lock gate = new();
    DateTime lastReport = DateTime.MinValue;
    string lastError = "";

    public async Task RunAsync(IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var target = string.Join(' ', targets);
        log.WriteLine($"$ make {target}");
        var exitCode = await Tool.RunLineByLineAsync(
            new ToolCommand("make", ["-C", directories.Source, $"O={directories.Objects}", $"-j{jobs}", .. targets], Environment: InheritedVariablesDropped),
            line => OnLine(line, isError: false),
            line => OnLine(line, isError: true),
            cancellationToken);
        log.Flush();
        if (exitCode != 0)
            throw new KernelBuildException($"make {target} failed with status {exitCode}: {lastError}; full output in {directories.LogPath}");
    }

    void OnLine(string line, bool isError)
    {
        lock (gate)
        {
            log.WriteLine(line);
            // make's own "*** [Makefile:…] Error 2" lines only echo the failure; the compiler's message is more use.
            if (isError && line.Trim().Length > 0 && !line.StartsWith("make", StringComparison.Ordinal))
                lastError = line.Trim();
            var now = DateTime.UtcNow;
            if (isError || now - lastReport < ProgressInterval || !IsStep(line))
                return;
            lastReport = now;
        }
        progress(line.Trim());
    }

    // kbuild's quiet steps: two spaces, an upper-case tag, then the file ("  CC      kernel/fork.o").
    static bool IsStep(string line) => line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 3 && char.IsUpper(line[2]);
}

/// <summary>Where make runs: the source it reads, the O= folder it writes, and the log that gets its output.</summary>
sealed record MakeDirectories(string Source, string Objects, string LogPath);
