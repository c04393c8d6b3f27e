using Harness.Records;

namespace Harness.Tests.EndToEnd;

/// <summary>Two harness processes at the same moment on one cache and one results folder.</summary>
public class ConcurrentRunTests : ScratchTests
{
    [Test]
    public async Task Two_runs_at_once_on_one_cache_get_two_complete_run_folders_and_latest_points_at_one_of_them()
    {
        Scratch.FakeBzImage();
        var matrix = Scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              boot_timeout: 20
              test_timeout: 20
              guest: { scenarios: [fork_cpu_id] }
            kernels:
              - name: fake-6.1
                source: { path: bzImage }
            """);
        var cache = await SeededCache.CreateAsync(Path.Combine(Scratch.Path, "cache"));
        string[] arguments = ["run", "--matrix", matrix, "--results", Scratch.Results, "--cache", cache, "--qemu", FakeQemu];
        var environment = new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass" };

        var outcomes = await Task.WhenAll(HarnessProcess.RunAsync(arguments, environment), HarnessProcess.RunAsync(arguments, environment));

        var runFolders = Directory.GetDirectories(Scratch.Results).Where(d => Path.GetFileName(d) != "latest").ToList();
        var latest = Directory.ResolveLinkTarget(Path.Combine(Scratch.Results, "latest"), returnFinalTarget: false)!.FullName;
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Select(o => o.ExitCode), Is.All.EqualTo(0), string.Join("\n", outcomes.Select(o => o.Output + o.Errors)));
            Assert.That(runFolders, Has.Count.EqualTo(2));
            foreach (var folder in runFolders)
            {
                var run = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(folder, "run.json")));
                Assert.That(run.RunId, Is.EqualTo(Path.GetFileName(folder)));
                Assert.That(run.Kernels.Single().MetExpectation, Is.True);
                Assert.That(File.Exists(Path.Combine(folder, "summary.md")), Is.True);
            }
            Assert.That(runFolders, Does.Contain(latest));
            Assert.That(outcomes.Select(o => o.Output), Has.Some.Contain($"results: {latest}"));
            // Nothing half-made is left: no temporary results file, no stray link.
            Assert.That(Directory.GetFileSystemEntries(Scratch.Results, ".*", SearchOption.AllDirectories), Is.Empty);
        });
    }
}
