using Harness.Vm;
using Protocol;

namespace Harness.Tests.Vm;

/// <summary>
/// The runner against the real QEMU. Needs a kernel and an initramfs whose /init writes a KTAP
/// stream ending in a done line to /dev/ttyS1 and then runs reboot -f, named by
/// RSEQH_TEST_KERNEL and RSEQH_TEST_INITRAMFS.
/// </summary>
[Category("VM"), Explicit("boots a real kernel under QEMU")]
public class RealQemuTests
{
    string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("real-qemu-test-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new IgnoreException($"{name} is not set");

    VmRequest Request(Accel accel, int numaNodes = 1) => new(
        Required("RSEQH_TEST_KERNEL"), Required("RSEQH_TEST_INITRAMFS"), Cpus: 2, MemoryMiB: 512, accel, [],
        BootTimeout: TimeSpan.FromMinutes(2), TestTimeout: TimeSpan.FromMinutes(2),
        Path.Combine(_directory, "console.log"), Path.Combine(_directory, "results.log"), numaNodes);

    [Test]
    public async Task A_real_kernel_boots_writes_its_stream_and_ends_QEMU()
    {
        var run = await new QemuRunner().RunAsync(Request(Accel.Tcg), CancellationToken.None);
        var console = await File.ReadAllLinesAsync(Path.Combine(_directory, "console.log"));
        await TestContext.Out.WriteLineAsync($"boot {run.BootTime.TotalSeconds:0.00} s, total {run.Elapsed.TotalSeconds:0.00} s, {console.Length} console lines, exit {run.QemuExitCode}");

        Assert.That(run.End, Is.EqualTo(VmEnd.Completed), run.QemuErrors);
        Assert.That(run.QemuExitCode, Is.Zero, "QEMU ended by itself on the guest's reboot");
        Assert.That(run.ResultLines[^1], Is.EqualTo(KtapLines.Done(0)));
        Assert.That(run.BootTime, Is.GreaterThan(TimeSpan.Zero).And.LessThan(run.Elapsed));
        Assert.That(console[0], Does.Contain("Linux version"));
        Assert.That(console[^1], Does.Contain("reboot"));
        Assert.That(run.ConsoleFindings, Is.Empty);
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_real_QEMU_is_killed_at_the_boot_timeout()
    {
        var request = Request(Accel.Tcg) with { BootTimeout = TimeSpan.FromSeconds(1) };

        var run = await new QemuRunner().RunAsync(request, CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.BootTimeout));
        Assert.That(run.QemuExitCode, Is.Null);
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task Two_NUMA_nodes_reach_the_guest()
    {
        var run = await new QemuRunner().RunAsync(Request(Accel.Tcg, numaNodes: 2), CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.Completed), run.QemuErrors);
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_directory, "console.log")), Does.Contain("Initmem setup node 1"));
    }
}
