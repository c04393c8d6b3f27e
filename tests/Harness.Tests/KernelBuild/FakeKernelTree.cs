using System.Runtime.Versioning;
using System.Text;

namespace Harness.Tests.KernelBuild;

/// <summary>
/// A stand-in kernel source with kbuild's interface (make -C src O=out tinyconfig | olddefconfig |
/// bzImage) whose "compiler" copies files and records each compilation, so the builder's caching,
/// patch switching and config check can be tested in seconds with the real make and patch.
/// olddefconfig drops every option named *DROPPED*, as Kconfig drops an option whose dependencies are off.
/// </summary>
[SupportedOSPlatform("linux")]
sealed class FakeKernelTree : IDisposable
{
    // The recipe lines start with a tab, as make requires.
    const string Makefile = """
        O ?= .
        .PHONY: tinyconfig olddefconfig bzImage
        tinyconfig:
        	mkdir -p $(O)
        	printf '# CONFIG_SMP is not set\nCONFIG_TINY=y\n' > $(O)/.config
        olddefconfig:
        	sed -i '/DROPPED/d' $(O)/.config
        bzImage: $(O)/arch/x86/boot/bzImage
        $(O)/%.o: kernel/%.c
        	cp $< $@
        	echo $< >> $(O)/compiled
        $(O)/arch/x86/boot/bzImage: $(O)/core.o $(O)/fork.o
        	mkdir -p $(dir $@)
        	cat $^ > $@
        """;

    public FakeKernelTree()
    {
        Root = Directory.CreateTempSubdirectory("fake-kernel-").FullName;
        Source = Path.Combine(Root, "linux");
        Cache = Path.Combine(Root, "cache");
        Directory.CreateDirectory(Path.Combine(Source, "kernel"));
        File.WriteAllText(Path.Combine(Source, "Makefile"), Makefile + "\n");
        File.WriteAllText(Path.Combine(Source, "kernel", "core.c"), "core\n");
        File.WriteAllText(Path.Combine(Source, "kernel", "fork.c"), "fork\n");
        Fragment = Write("fragment.config", "# wanted\nCONFIG_SMP=y\n");
    }

    public string Root { get; }
    public string Source { get; }
    public string Cache { get; }
    public string Fragment { get; }

    /// <summary>A -p1 patch that replaces the one line of kernel/&lt;file&gt;.</summary>
    public string Patch(string name, string file, string oldLine, string newLine) => Write(name, $"""
        --- a/kernel/{file}
        +++ b/kernel/{file}
        @@ -1 +1 @@
        -{oldLine}
        +{newLine}

        """);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Every compilation so far in the one build tree the cache holds.</summary>
    public IReadOnlyList<string> Compiled()
    {
        var log = Directory.GetFiles(Path.Combine(Cache, "build"), "compiled", SearchOption.AllDirectories).Single();
        return File.ReadAllLines(log);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
