using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

/// <summary>gcc's version line (part of every build key) kept between runs, on a script gcc that counts its starts.</summary>
public class CompilerVersionCacheTests
{
    const string Line = "gcc (Script 99.1.0-1) 99.1.0";

    static Task<string> ReadAsync(CountingTool gcc, ScratchFolder cache) =>
        CompilerVersion.FirstLineAsync(gcc.Path, cache.Path, CancellationToken.None);

    [Test]
    public async Task A_second_build_key_of_an_unchanged_gcc_does_not_start_it_again()
    {
        using var scratch = new ScratchFolder();
        var gcc = new CountingTool(scratch.File("gcc"), Line);

        var first = await ReadAsync(gcc, scratch);
        var second = await ReadAsync(gcc, scratch);

        Assert.That((first, second), Is.EqualTo((Line, Line)));
        Assert.That(gcc.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task An_upgraded_gcc_is_asked_again_so_its_builds_get_a_new_key()
    {
        using var scratch = new ScratchFolder();
        var gcc = new CountingTool(scratch.File("gcc"), Line);
        await ReadAsync(gcc, scratch);

        gcc.Rewrite("gcc (Script 99.2.0-1) 99.2.0");

        Assert.That(await ReadAsync(gcc, scratch), Is.EqualTo("gcc (Script 99.2.0-1) 99.2.0"));
        Assert.That(gcc.Runs, Is.EqualTo(2));
    }
}
