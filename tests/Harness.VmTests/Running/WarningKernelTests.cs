using Harness.Commands;
using Harness.Config;
using Harness.Judging;
using Protocol;

namespace Harness.Tests.Running;

/// <summary>
/// A kernel that prints a WARNING while the guest runs must not come out PASS: a build carrying a
/// test-only patch (tests/patches/*/warn-on-moving-another-thread.patch) warns once when a thread
/// moves another thread, which only the migrator threads of migration_storm and cs_abort do. The
/// scenario that was running when the warning came FAILs on that console finding, and the others
/// PASS. Built through the harness's own classes into the per-user cache (an incremental rebuild of
/// a tree the control tests already built); booted under TCG with the real guest image.
/// </summary>
[Category("VM"), Category("Network")]
public class WarningKernelTests
{
    static readonly string[] ScenariosWithAMigrator = [ScenarioNames.MigrationStorm, ScenarioNames.CsAbort];

    [TestCase("linux-source-5.10", "bullseye", "5.10", "5.10.")]
    [TestCase("linux-source-7.2", "sid", "7.2", "7.2.", Explicit = true,
        Reason = "builds 7.2 from source, about 10 minutes the first time; run it with --filter \"FullyQualifiedName~WarningKernelTests&FullyQualifiedName~7.2\"")]
    public async Task A_built_kernel_that_warns_in_a_syscall_the_guest_makes_fails_the_scenario_that_was_running(
        string package, string suite, string series, string releasePrefix)
    {
        var layout = RepositoryLayout.Locate();
        var results = Directory.CreateTempSubdirectory("warning-kernel-").FullName;
        try
        {
            var patch = Path.Combine(layout.Root, "tests", "patches", series, "warn-on-moving-another-thread.patch");
            var entry = new KernelEntry($"warn-{series}",
                new BuildKernelSource(new DebianSourceTree(package, suite), Path.Combine(layout.Root, "configs", "rseq-guest.config"), [patch], Selftests: false),
                Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(300), GuestSettings.Standard),
                new SourceLocation("WarningKernelTests", 1, 1));

            var result = await RealKernelRuns.RunAsync(layout, entry, results);

            var failed = result.Scenarios.Where(s => s.Outcome == ScenarioVerdict.Fail).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(result.KernelRelease, Does.StartWith(releasePrefix));
                Assert.That(failed, Has.Count.EqualTo(1), string.Join("; ", result.Scenarios.Select(s => $"{s.Scenario} {s.Outcome} {s.Reason}")));
                Assert.That(failed.Single().Scenario, Is.AnyOf(ScenariosWithAMigrator));
                Assert.That(failed.Single().Source, Is.EqualTo(OutcomeSource.Console));
                Assert.That(failed.Single().Reason + string.Join("\n", failed.Single().Evidence), Does.Contain("WARNING"));
                Assert.That(result.Scenarios.Where(s => s != failed.Single()).Select(s => s.Outcome),
                    Is.All.EqualTo(ScenarioVerdict.Pass).Or.EqualTo(ScenarioVerdict.Skip));
                Assert.That(result.MetExpectation, Is.False);
            });
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
