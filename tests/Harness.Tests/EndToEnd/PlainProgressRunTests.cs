namespace Harness.Tests.EndToEnd;

/// <summary>
/// run's progress with its output redirected, as in a CI log: the plain one-line events, never the
/// live table's escape codes (the harness runs against the fake QEMU on a cache of its own).
/// </summary>
public class PlainProgressRunTests : ScratchTests
{
    const char Escape = '\u001b';

    async Task<HarnessProcess.Outcome> RunAsync(params string[] extra)
    {
        Scratch.FakeBzImage();
        var matrix = Scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              boot_timeout: 20
              test_timeout: 20
              guest:
                scenarios: [fork_cpu_id]
            kernels:
              - name: fake-6.1
                source: { path: bzImage }
                expect: pass
            """);
        var cache = Path.Combine(Scratch.Path, "cache");
        await SeededCache.CreateAsync(cache);
        // CI unset and TERM set as on a terminal: only the redirection can make auto plain.
        return await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu, "--cache", cache, .. extra],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass", ["CI"] = null, ["TERM"] = "xterm-256color" });
    }

    [Test]
    public async Task A_redirected_run_writes_its_plain_lines_and_no_escape_code()
    {
        var outcome = await RunAsync();

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Output, Does.Not.Contain(Escape.ToString()));
            Assert.That(outcome.Output, Does.Match(@"(^|\n)\[1/1\] fake-6\.1: path \S*bzImage\r?\n"));
            Assert.That(outcome.Output, Does.Match(@"\n\[1/1\] fake-6\.1: fork_cpu_id=PASS \(6\.1\.0-50-amd64\)\r?\n"));
        });
    }

    [Test]
    public async Task A_run_told_plain_writes_no_escape_code_and_the_same_lines()
    {
        var outcome = await RunAsync("--progress", "plain");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.That(outcome.Output, Does.Not.Contain(Escape.ToString()));
        Assert.That(outcome.Output, Does.Match(@"\n\[1/1\] fake-6\.1: fork_cpu_id=PASS \(6\.1\.0-50-amd64\)\r?\n"));
    }

    [Test]
    public async Task An_unknown_progress_mode_is_a_usage_error_naming_the_choices()
    {
        var outcome = await HarnessProcess.RunAsync(["run", "--progress", "fancy"]);

        Assert.That(outcome.ExitCode, Is.Not.EqualTo(0));
        Assert.That(outcome.Errors, Does.Contain("fancy"));
    }
}
