using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// Names and paths full of shell syntax are data: never run by a shell, never taken by QEMU as an
/// option, never written outside the run folder.
/// </summary>
public class HostileValueTests : ScratchTests
{
    // What a shell would run, if one ever saw the path: it would leave PWNED in its working directory.
    const string HostileFileName = "my kernel 'q' \"dq\" $(touch PWNED); `touch PWNED` & x.bzImage";
    const string HostileFolder = "-rf ..dir";

    void AssertNoPwnedAnywhere()
    {
        foreach (var folder in new[] { Scratch.Path, HarnessProcess.RepositoryRoot, Environment.CurrentDirectory, Path.GetTempPath() })
            Assert.That(File.Exists(Path.Combine(folder, "PWNED")), Is.False, $"PWNED in {folder}");
        Assert.That(Directory.GetFiles(Scratch.Path, "PWNED", SearchOption.AllDirectories), Is.Empty);
    }

    // results/latest is a link to the run folder: its contents are counted once, under their real name.
    HashSet<string> Entries() =>
    [
        .. Directory.EnumerateFileSystemEntries(Scratch.Path, "*", SearchOption.AllDirectories)
            .Where(entry => !entry.StartsWith(Path.Combine(Scratch.Results, "latest") + Path.DirectorySeparatorChar, StringComparison.Ordinal)),
    ];

    [Test]
    public async Task A_kernel_path_full_of_shell_syntax_is_booted_as_one_argument_and_everything_written_stays_in_the_run_folder()
    {
        Directory.CreateDirectory(Path.Combine(Scratch.Path, HostileFolder));
        Scratch.FakeBzImage(Path.Combine(HostileFolder, HostileFileName));
        var escaped = $"{HostileFolder}/{HostileFileName}".Replace("\\", "\\\\").Replace("\"", "\\\"");
        var matrix = Scratch.Write("kernels.yaml", $$"""
            defaults: { accel: tcg, boot_timeout: 20, test_timeout: 20, guest: { scenarios: [fork_cpu_id] } }
            kernels:
              - name: ok-name
                source:
                  path: "{{escaped}}"
            """);
        var before = Entries();

        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass" });

        var runFolder = Directory.ResolveLinkTarget(Path.Combine(Scratch.Results, "latest"), returnFinalTarget: false)!.FullName;
        var run = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(runFolder, "run.json")));
        var created = Entries().Except(before).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
            Assert.That(run.Kernels.Single().Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
            Assert.That(run.Kernels.Single().Source, Does.Contain(HostileFileName));
            Assert.That(created, Is.All.StartsWith(runFolder + Path.DirectorySeparatorChar)
                .Or.EqualTo(runFolder).Or.EqualTo(Scratch.Results).Or.EqualTo(Path.Combine(Scratch.Results, "latest")));
            AssertNoPwnedAnywhere();
        });
    }

    [Test]
    public async Task A_kernel_name_full_of_shell_syntax_is_refused_at_its_line_and_column_and_nothing_boots()
    {
        var matrix = Scratch.Write("kernels.yaml", """
            kernels:
              - name: "$(touch PWNED); ../../x"
                source: { path: bzImage }
            """);

        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.Trim(), Does.Match(@"^harness: .*kernels\.yaml:2:11: 'name' in .* must be lowercase letters, digits, '\.', '_' or '-'[^\n]*$"));
            Assert.That(Directory.Exists(Scratch.Results), Is.False);
            AssertNoPwnedAnywhere();
        });
    }
}
