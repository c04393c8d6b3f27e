using Harness.Prerequisites;
using Harness.Storage;
using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>QEMU's version line kept between runs, on a script QEMU that counts how often it is started.</summary>
public class QemuVersionCacheTests
{
    const string Line = "QEMU emulator version 9.9.9 (script)";

    static async Task<string> ReadAsync(CountingTool qemu, ScratchFolder cache) =>
        await new QemuVersion(qemu.Path, new ToolVersionCache(cache.Path)).ReadAsync(CancellationToken.None);

    [Test]
    public async Task A_second_read_of_an_unchanged_QEMU_does_not_start_it_again()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), Line);

        var first = await ReadAsync(qemu, scratch);
        var second = await ReadAsync(qemu, scratch);

        Assert.That((first, second), Is.EqualTo((Line, Line)));
        Assert.That(qemu.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_QEMU_touched_since_the_last_read_is_started_again()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), Line);
        await ReadAsync(qemu, scratch);

        qemu.Touch();
        await ReadAsync(qemu, scratch);

        Assert.That(qemu.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_QEMU_reinstalled_with_the_same_mtime_is_started_again_and_its_new_line_read()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), Line);
        await ReadAsync(qemu, scratch);
        // ctime moves with the kernel's coarse clock (a tick of up to 10 ms): let one pass, so only ctime can tell.
        await Task.Delay(30);

        qemu.Rewrite("QEMU emulator version 9.9.8 (script)");
        var line = await ReadAsync(qemu, scratch);

        Assert.That(line, Is.EqualTo("QEMU emulator version 9.9.8 (script)"));
        Assert.That(qemu.Runs, Is.EqualTo(2));
    }

    [Test]
    public void A_QEMU_that_fails_is_not_kept_and_fails_the_same_way_on_the_next_read()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), "");
        qemu.Rewrite("", exitCode: 1, error: "error while loading shared libraries: libfoo.so");
        var expected = $"{qemu.Path} --version failed (exit 1): error while loading shared libraries: libfoo.so";

        Assert.That(async () => await ReadAsync(qemu, scratch), Throws.InstanceOf<EnvironmentException>().With.Message.EqualTo(expected));
        Assert.That(async () => await ReadAsync(qemu, scratch), Throws.InstanceOf<EnvironmentException>().With.Message.EqualTo(expected));
        Assert.That(qemu.Runs, Is.EqualTo(2));
        Assert.That(Directory.Exists(scratch.File(ToolVersionCache.FolderName)), Is.False);
    }

    [Test]
    public async Task A_damaged_entry_falls_back_to_starting_QEMU_and_is_written_again()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), Line);
        await ReadAsync(qemu, scratch);
        var entry = Directory.GetFiles(scratch.File(ToolVersionCache.FolderName)).Single();
        File.WriteAllText(entry, File.ReadAllText(entry).Replace("9.9.9", "1.0.0"));

        var damagedRead = await ReadAsync(qemu, scratch);
        var nextRead = await ReadAsync(qemu, scratch);

        Assert.That((damagedRead, nextRead), Is.EqualTo((Line, Line)));
        Assert.That(qemu.Runs, Is.EqualTo(2));
    }

    [Test]
    public void A_missing_QEMU_is_still_reported_as_not_found() =>
        Assert.That(async () => await new QemuVersion("/nonexistent/qemu-system-x86_64", new ToolVersionCache("/nonexistent/cache")).ReadAsync(CancellationToken.None),
            Throws.InstanceOf<QemuNotFoundException>().With.Message.StartsWith("/nonexistent/qemu-system-x86_64 was not found"));

    [Test]
    public async Task A_QEMU_reached_through_a_symlink_shares_the_entry_of_the_file_it_leads_to()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu"), Line);
        var link = scratch.File("qemu-link");
        File.CreateSymbolicLink(link, qemu.Path);

        await ReadAsync(qemu, scratch);
        var throughLink = await new QemuVersion(link, new ToolVersionCache(scratch.Path)).ReadAsync(CancellationToken.None);

        Assert.That(throughLink, Is.EqualTo(Line));
        Assert.That(qemu.Runs, Is.EqualTo(1));
    }
}
