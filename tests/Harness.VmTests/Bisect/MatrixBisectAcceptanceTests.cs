using System.Text.Json;
using Harness.Bisect;
using Harness.Commands;
using Harness.Tests.EndToEnd;

namespace Harness.Tests.Bisect;

/// <summary>
/// <c>harness bisect --matrix</c> as a user runs it, on matrices/bisect-5.10.yaml under the real QEMU:
/// the 5.10 fork control is named among kernels that are already built (the default matrix's, so
/// <c>make run</c> or the control tests leave them in the cache), by boots alone.
/// </summary>
[Category("VM"), Category("Network")]
public class MatrixBisectAcceptanceTests
{
    [Test]
    public async Task The_matrix_bisect_names_the_fork_control_boots_only_the_range_and_a_rerun_replays_it_from_the_cache()
    {
        var results = Directory.CreateTempSubdirectory("matrix-bisect-").FullName;
        try
        {
            var first = await BisectAsync(results, "--retest");
            var rerun = await BisectAsync(results);

            var names = first.Json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetProperty("commit").GetString()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(first.Json.GetProperty("over").GetString(), Is.EqualTo("kernels"));
                Assert.That(first.Json.GetProperty("first_bad").GetProperty("hash").GetString(), Is.EqualTo("control-5.10-fork"), first.Output);
                Assert.That(first.Json.GetProperty("first_bad").GetProperty("subject").GetString(), Does.StartWith("5.10."));
                // Both ends, then the one kernel between them in version order; 6.1 lies outside the range.
                Assert.That(names, Is.EqualTo(new[] { "bullseye-5.10", "control-5.10-fork", "build-5.10" }), first.Output);
                Assert.That(first.Output, Does.Contain("**first bad kernel: control-5.10-fork**"));
                Assert.That(rerun.Json.GetProperty("first_bad").GetProperty("hash").GetString(), Is.EqualTo("control-5.10-fork"));
                Assert.That(rerun.Json.GetProperty("steps").EnumerateArray().All(s => s.GetProperty("step").GetProperty("from_cache").GetBoolean()), Is.True, rerun.Output);
            });
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    sealed record Run(string Output, JsonElement Json);

    static async Task<Run> BisectAsync(string results, params string[] extra)
    {
        var matrix = Path.Combine(RepositoryLayout.Locate().Root, "matrices", "bisect-5.10.yaml");
        var outcome = await HarnessProcess.RunAsync(
            ["bisect", "--matrix", matrix, "--good", "bullseye-5.10", "--bad", "control-5.10-fork", "--scenario", "fork_cpu_id",
             "--accel", "tcg", "--results", results, .. extra],
            timeout: TimeSpan.FromMinutes(60));
        TestContext.Progress.WriteLine(outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output + outcome.Errors);
        var newest = new DirectoryInfo(results).GetDirectories().Where(d => d.Name != "latest").OrderBy(d => d.Name).Last();
        return new Run(outcome.Output, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(newest.FullName, BisectFiles.JsonName))).RootElement);
    }
}
