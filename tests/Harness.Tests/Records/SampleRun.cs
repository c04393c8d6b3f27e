using Harness.Config;
using Harness.Judging;
using Harness.KernelBuild;
using Harness.Kernels;
using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Records;

/// <summary>
/// A run with every field of run.json set, none at its default, so the golden file shows the whole
/// schema and a field that stops being written (or is written under another name) changes it.
/// </summary>
static class SampleRun
{
    public static RunRecord Full()
    {
        var finding = new ConsoleFinding(ConsoleFindingKind.Oops, 40, "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI")
        {
            Rip = "sched_clock_cpu+0x11/0x1c0",
            Trace = ["CPU: 2 UID: 0 PID: 0 Comm: swapper/2", "RIP: 0010:sched_clock_cpu+0x11/0x1c0"],
        };
        var debian = new KernelResult(
            "bookworm-6.1", 1, "debian bookworm/linux-image-amd64", "linux-image-6.1.0-50-amd64=6.1.176-1", Expectation.Pass, "6.1.0-50-amd64",
            [
                new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null, new Dictionary<string, long> { [CounterNames.Forks] = 20 }, []),
                new ScenarioOutcome(ScenarioNames.CsAbort, ScenarioVerdict.Fail, "kernel Oops on the console while cs_abort ran", new Dictionary<string, long>(),
                    ["Oops: int3: 0000 [#1] PREEMPT SMP NOPTI"], OutcomeSource.Console),
            ],
            false, null, new KernelTimings(1.5, true, 5.25, 20.75, Phases: new BootPhases(1.75, 2.5, 1.0, 0.25)), VmEnd.Completed, 0, [finding], "bookworm-6.1.console.log", "bookworm-6.1.ktap.log",
            new Dictionary<string, string> { ["glibc"] = "2.36" }, 2, ["cs_abort: FAIL from the console, expected PASS"])
        {
            Provenance = KernelProvenance.FromDebian("linux-image-6.1.0-50-amd64=6.1.176-1", "bookworm"),
            EarlierBootConsoles = ["bookworm-6.1.attempt-1.console.log"],
            ConsoleWindows = [new FindingPlace(40, ConsoleWindow.Scenario, ScenarioNames.CsAbort)],
        };
        var built = new KernelResult(
            "control-5.10-fork", 2, "build debian bullseye/linux-source-5.10", "linux-source-5.10=5.10.223-1",
            Expectation.FailIn(ScenarioNames.ForkCpuId), null,
            [new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Error, "boot timeout", new Dictionary<string, long>(), [], OutcomeSource.Harness)],
            false, "no result stream within 120 s", new KernelTimings(3, false, null, 120.5, new KernelBuildInfo("0123456789abcdef", "/cache/builds/0123/build.log", true, 0.5, 312)),
            VmEnd.BootTimeout, null, [], "control-5.10-fork.console.log", null, new Dictionary<string, string>(), 1)
        {
            Provenance = new KernelProvenance(
                new DebianPackageId("linux-source-5.10", "5.10.223-1", "bullseye"), TreeCommit: "0123456789abcdef0123456789abcdef01234567",
                UncommittedChanges: "fedcba9876543210", ImageSha256: "ab", PatchSha256s: ["cd", "ef"], FragmentSha256: "12",
                Compiler: "gcc (Debian 12.2.0-14) 12.2.0", BuildKey: "0123456789abcdef"),
        };
        return new RunRecord(
            RunRecord.CurrentSchemaVersion, "20261127-000000", "0.1.0",
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 0, 5, 0, TimeSpan.Zero), "/repo/kernels.yaml",
            new HostInfo("host", "Debian GNU/Linux 12 (bookworm)", "6.18.0", 2),
            new VmEnvironment("QEMU emulator version 7.2.22", Accel.Kvm, "bookworm-6.1 reached user space under KVM in 1.2 s",
                new KvmProof("bookworm-6.1", 1.2), new AccelFallback("control-5.10-fork", "console silent for 30 s")),
            new GuestImageInfo("0cac7773bd1ffd453478141e1fadeb1e", false, 42.5),
            [ScenarioNames.ForkCpuId, ScenarioNames.CsAbort],
            [debian, built])
        {
            // A shard and a merge at once never happen; here both are set so the file shows every field.
            MatrixSha256 = "5a1e0c7d9b3f4a2e8c6d0b1a3f5e7d9c2b4a6e8f0d1c3b5a7e9f2d4c6b8a0e1f",
            Shard = new ShardInfo(2, 3, ["bookworm-6.1", "control-5.10-fork", "trixie-6.12"]),
            MergedShards =
            [
                new MergedShard(1, 3, "nightly-42-shard-1-of-3", "0.1.0",
                    new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 0, 4, 0, TimeSpan.Zero),
                    new HostInfo("runner-1", "Ubuntu 24.04.1 LTS", "6.8.0", 4),
                    new VmEnvironment("QEMU emulator version 8.2.2", Accel.Tcg, "/dev/kvm cannot be opened"),
                    new GuestImageInfo("0cac7773bd1ffd453478141e1fadeb1e", true, 0.4),
                    ["bookworm-6.1"]),
            ],
        };
    }
}
