using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>
/// Builds the tree's rseq selftests as static programs for the guest's initramfs, against the
/// tree's own exported uapi headers. The selftests' Makefile links a shared librseq.so with an
/// rpath of ./, which a static initramfs cannot use, so the few files are compiled here with the
/// same flags, rseq.c linked into each program. <c>make headers</c> exports the headers into the
/// object directory's usr/include, the folder headers_install would copy them from (it needs rsync).
/// </summary>
sealed class SelftestBuilder(BuildLayout layout, MakeRunner make, Action<string> progress, TextWriter log)
{
    /// <summary>Written into the marker: a change to how selftests are built makes cached ones stale.</summary>
    public const string Format = "selftests 1: static, rseq.c linked in, make headers";

    string SelftestSource => Path.Combine(layout.TreeSource, "tools", "testing", "selftests", "rseq");

    public static bool IsBuilt(BuildLayout layout) =>
        File.Exists(layout.SelftestsMarker) && File.ReadAllText(layout.SelftestsMarker).Trim() == Format;

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(SelftestSource))
            throw new KernelBuildException($"{layout.Inputs.SourceIdentity} has no tools/testing/selftests/rseq");
        progress("exporting the tree's uapi headers for the selftests (make headers)");
        await make.RunAsync(["headers"], cancellationToken);

        var partial = layout.SelftestsDirectory + ".partial";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        var built = new List<string>();
        foreach (var program in SelftestProgram.Catalog.Where(p => File.Exists(Path.Combine(SelftestSource, p.SourceFile))))
        {
            var arguments = Arguments(program, Path.Combine(partial, program.Name));
            log.WriteLine($"$ gcc {string.Join(' ', arguments)}");
            await BuildTool.RunAsync("gcc", arguments, SelftestSource, cancellationToken);
            built.Add(program.Name);
        }
        if (built.Count == 0)
            throw new KernelBuildException($"{layout.Inputs.SourceIdentity}: none of the known rseq selftests is in {SelftestSource}");
        progress($"built selftests {string.Join(", ", built)}");
        if (Directory.Exists(layout.SelftestsDirectory))
            Directory.Delete(layout.SelftestsDirectory, recursive: true);
        Directory.Move(partial, layout.SelftestsDirectory);
        await AtomicFile.WriteAllTextAsync(layout.SelftestsMarker, Format + "\n", cancellationToken);
    }

    List<string> Arguments(SelftestProgram program, string output) =>
    [
        "-O2", "-Wall", "-static",
        // -w: warnings of older selftests under a newer gcc are not ours to fix, and fill the log.
        "-w",
        $"-I{SelftestSource}",
        // kselftest.h and kselftest_harness.h sit one folder up.
        $"-I{Path.GetDirectoryName(SelftestSource)}",
        $"-I{Path.Combine(layout.ObjectDirectory, "usr", "include")}",
        $"-I{Path.Combine(layout.TreeSource, "tools", "include")}",
        $"-I{Path.Combine(layout.TreeSource, "tools", "arch", "x86", "include")}",
        .. program.Defines,
        program.SourceFile, "rseq.c",
        "-lpthread", "-ldl",
        "-o", output,
    ];
}
