using Harness.Config;
using Harness.Judging;
using Harness.KernelBuild;
using Harness.Kernels;
using Harness.Vm;
using Protocol;

namespace Harness.Records.Json;

/// <summary>
/// The one place where the run's record meets its file: field by field, both ways, so a change to
/// an internal type has to be decided here (and shows in the golden file) instead of leaking out.
/// </summary>
public static class RunDocumentMapping
{
    public static RunDocument ToDocument(RunRecord run) => new(
        run.SchemaVersion, run.RunId, run.HarnessVersion, run.Started, run.Finished, run.MatrixFile,
        run.MatrixSha256,
        run.Shard is { } shard ? new ShardDocument(shard.Index, shard.Count, shard.MatrixKernels) : null,
        ToDocument(run.Host), ToDocument(run.Vm), ToDocument(run.Guest),
        run.Scenarios,
        run.Kernels.Select(ToDocument).ToList(),
        run.MergedShards.Select(s => new MergedShardDocument(
            s.Index, s.Count, s.Folder, s.HarnessVersion, s.Started, s.Finished, ToDocument(s.Host), ToDocument(s.Vm), ToDocument(s.Guest), s.Kernels)).ToList(),
        run.AllMetExpectation);

    public static RunRecord ToRecord(RunDocument file) => new(
        file.SchemaVersion, file.RunId, file.HarnessVersion, file.Started, file.Finished, file.MatrixFile,
        ToRecord(file.Host), ToRecord(file.Vm), ToRecord(file.Guest),
        file.Scenarios,
        file.Kernels.Select(ToRecord).ToList())
    {
        // Files of schema 3 and older have none of these three: read as a whole, unmerged run of an unknown matrix.
        MatrixSha256 = file.MatrixSha256,
        Shard = file.Shard is { } shard ? new ShardInfo(shard.Index, shard.Count, shard.MatrixKernels) : null,
        MergedShards = (file.MergedShards ?? []).Select(s => new MergedShard(
            s.Index, s.Count, s.Folder, s.HarnessVersion, s.Started, s.Finished, ToRecord(s.Host), ToRecord(s.Vm), ToRecord(s.Guest), s.Kernels)).ToList(),
    };

    static HostDocument ToDocument(HostInfo host) => new(host.Name, host.Os, host.KernelRelease, host.Cpus);

    static HostInfo ToRecord(HostDocument host) => new(host.Name, host.Os, host.KernelRelease, host.Cpus);

    static VmDocument ToDocument(VmEnvironment vm) => new(vm.QemuVersion, vm.Accel?.Word() ?? NoAccel, vm.AccelReason,
        vm.KvmProof is { } proof ? new KvmProofDocument(proof.Kernel, proof.SecondsToUserSpace) : null,
        vm.AccelFallback is { } fallback ? new AccelFallbackDocument(fallback.Kernel, fallback.Reason) : null);

    static VmEnvironment ToRecord(VmDocument vm) => new(vm.QemuVersion, ReadAccel(vm.Accel), vm.AccelReason,
        vm.KvmProof is { } proof ? new KvmProof(proof.Kernel, proof.SecondsToUserSpace) : null,
        vm.AccelFallback is { } fallback ? new AccelFallback(fallback.Kernel, fallback.Reason) : null);

    static GuestDocument ToDocument(GuestImageInfo guest) => new(guest.ContentHash, guest.FromCache, guest.BuildSeconds);

    static GuestImageInfo ToRecord(GuestDocument guest) => new(guest.ContentHash, guest.FromCache, guest.BuildSeconds);

    /// <summary>What run.json says when no kernel was booted, so no accelerator was chosen.</summary>
    const string NoAccel = "none";

    static Accel? ReadAccel(string word) => word == NoAccel ? null
        : Enum.GetValues<Accel>().Where(accel => accel.Word() == word).Cast<Accel?>().FirstOrDefault()
          ?? throw new System.Text.Json.JsonException($"'{word}' is not an accelerator of run.json");

    static KernelDocument ToDocument(KernelResult kernel) => new(
        kernel.Name, kernel.Repeat, kernel.Source, kernel.Identity,
        new ExpectationDocument(Words.Write(kernel.Expect.Kind), kernel.Expect.FailingScenarios),
        kernel.KernelRelease,
        kernel.Scenarios.Select(s => new ScenarioDocument(s.Scenario, Words.Write(s.Outcome), s.Reason, s.Counters, s.Evidence, Words.Write(s.Source))).ToList(),
        kernel.MetExpectation, kernel.Error,
        new TimingsDocument(kernel.Timings.AcquireSeconds, kernel.Timings.KernelFromCache, kernel.Timings.BootSeconds, kernel.Timings.VmSeconds,
            kernel.Timings.Build is { } build ? new BuildDocument(build.Key, build.LogPath, build.FromCache, build.Seconds, build.ColdBuildSeconds) : null,
            kernel.Timings.Phases is { } phases ? new PhasesDocument(phases.QemuToKernel, phases.KernelToInit, phases.InitToFirstLine, phases.LastLineToExit) : null),
        kernel.VmEnd is { } end ? Words.Write(end) : null,
        kernel.QemuExitCode,
        kernel.ConsoleFindings.Select(f => new FindingDocument(Words.Write(f.Kind), f.LineNumber, f.Line, f.Rip, f.Trace)).ToList(),
        kernel.ConsoleLog, kernel.ResultsLog, kernel.GuestInfo, kernel.BootAttempts, kernel.ExpectationMisses, kernel.EarlierBootConsoles,
        kernel.ConsoleWindows.Select(p => new FindingPlaceDocument(p.LineNumber, Words.Write(p.Window), p.Scenario)).ToList(),
        kernel.Provenance is { } origin
            ? new ProvenanceDocument(origin.Debian is { } debian ? new DebianPackageDocument(debian.Package, debian.Version, debian.Suite) : null,
                origin.TreeCommit, origin.UncommittedChanges, origin.ImageSha256, origin.PatchSha256s, origin.FragmentSha256, origin.Compiler, origin.BuildKey)
            : null);

    static KernelResult ToRecord(KernelDocument kernel) => new(
        kernel.Name, kernel.Repeat, kernel.Source, kernel.Identity,
        new Expectation(Words.Read<ExpectationKind>(kernel.Expect.Kind), kernel.Expect.FailingScenarios),
        kernel.KernelRelease,
        kernel.Scenarios.Select(s => new ScenarioOutcome(s.Scenario, Words.Read<ScenarioVerdict>(s.Outcome), s.Reason, s.Counters, s.Evidence, Words.Read<OutcomeSource>(s.Source))).ToList(),
        kernel.MetExpectation, kernel.Error,
        new KernelTimings(kernel.Timings.AcquireSeconds, kernel.Timings.KernelFromCache, kernel.Timings.BootSeconds, kernel.Timings.VmSeconds,
            kernel.Timings.Build is { } build ? new KernelBuildInfo(build.Key, build.LogPath, build.FromCache, build.Seconds, build.ColdBuildSeconds) : null,
            kernel.Timings.Phases is { } phases ? new BootPhases(phases.QemuToKernel, phases.KernelToInit, phases.InitToFirstLine, phases.LastLineToExit) : null),
        kernel.VmEnd is { } end ? Words.Read<VmEnd>(end) : null,
        kernel.QemuExitCode,
        kernel.ConsoleFindings.Select(f => new ConsoleFinding(Words.Read<ConsoleFindingKind>(f.Kind), f.LineNumber, f.Line) { Rip = f.Rip, Trace = f.Trace }).ToList(),
        kernel.ConsoleLog, kernel.ResultsLog, kernel.GuestInfo, kernel.BootAttempts, kernel.ExpectationMisses)
    {
        EarlierBootConsoles = kernel.EarlierBootConsoles,
        ConsoleWindows = kernel.ConsoleWindows.Select(p => new FindingPlace(p.LineNumber, Words.Read<ConsoleWindow>(p.Window), p.Scenario)).ToList(),
        // A file of schema 2 has no provenance: read as null, as for a kernel that could not be had.
        Provenance = kernel.Provenance is { } origin
            ? new KernelProvenance(origin.Debian is { } debian ? new DebianPackageId(debian.Package, debian.Version, debian.Suite) : null,
                origin.TreeCommit, origin.UncommittedChanges, origin.ImageSha256, origin.PatchSha256s, origin.FragmentSha256, origin.Compiler, origin.BuildKey)
            : null,
    };
}
