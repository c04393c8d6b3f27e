using Harness.Tests.Storage;

namespace Harness.Tests.EndToEnd;

/// <summary>The results disk fills up during a run: one line, exit status 4, the earlier results intact, no QEMU left.</summary>
/// <remarks>Its tmpfs is mounted on a folder of its own, which no other test sees: it runs beside them, as AtomicFileTests' does.</remarks>
public class DiskFullTests
{
    ScratchFolder _scratch = null!;
    SmallDisk? _disk;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public async Task RemoveScratchAndDisk()
    {
        if (_disk is not null)
            await _disk.DisposeAsync();
        _scratch.Dispose();
    }

    static string FakeQemu => Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu");

    [Test]
    public async Task A_full_results_disk_gives_one_line_and_exit_status_4_and_leaves_the_earlier_run_and_latest_alone()
    {
        _disk = await SmallDisk.MountAsync();
        var results = Path.Combine(_disk.Path, "results");
        var earlier = Directory.CreateDirectory(Path.Combine(results, "20260101-000000")).FullName;
        File.WriteAllText(Path.Combine(earlier, "run.json"), "{\"earlier\": true}");
        File.CreateSymbolicLink(Path.Combine(results, "latest"), "20260101-000000");
        _disk.Fill();
        _scratch.FakeBzImage();
        var matrix = _scratch.Write("kernels.yaml", """
            defaults: { accel: tcg, boot_timeout: 20, test_timeout: 20, guest: { scenarios: [fork_cpu_id] } }
            kernels:
              - name: fake-6.1
                source: { path: bzImage }
            """);

        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", results, "--qemu", FakeQemu],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass" });

        Assert.Multiple(async () =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(4), outcome.Output + outcome.Errors);
            Assert.That(outcome.Errors.Trim(), Does.Match($@"^harness: no space left on device writing {System.Text.RegularExpressions.Regex.Escape(results)}/[0-9]{{8}}-[0-9]{{6}}/run\.json$"));
            Assert.That(File.ReadAllText(Path.Combine(earlier, "run.json")), Is.EqualTo("{\"earlier\": true}"));
            Assert.That(Directory.ResolveLinkTarget(Path.Combine(results, "latest"), returnFinalTarget: false)!.FullName, Is.EqualTo(earlier));
            Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync($"FakeQemu -M .*{_scratch.Path}"), Is.Empty);
        });
    }
}
