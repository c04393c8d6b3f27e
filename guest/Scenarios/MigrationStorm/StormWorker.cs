using Guest.Rseq;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// One worker thread: registers its rseq area (glibc's when glibc registered one for this thread,
/// else its own), pins itself, then compares cpu_id with getcpu until told to stop.
/// </summary>
/// <remarks>The loop allocates only for the rare evidence line, so it never waits on a GC.</remarks>
internal sealed class StormWorker(LibC libc, Syscalls syscalls, RseqAbi abi, StormSlot slot, StormControl control)
{
    public void Run()
    {
        // A new registrar per thread: registrations are per thread, and so is glibc's area.
        var registration = new RseqRegistrar(libc, syscalls, abi).ForCurrentThread();
        slot.ThreadId = syscalls.GetTid();
        slot.Problem = registration.Problem;
        var pinError = registration.IsAvailable ? new CpuAffinity(libc).Pin(0, slot.InitialCpu) : 0;
        // A refused pin says nothing about rseq: the scenario cannot run, which is no SKIP.
        if (pinError != 0)
            slot.Problem = RseqProblem.Untestable($"worker {slot.Index} could not pin itself to cpu {slot.InitialCpu} (errno {pinError})");
        slot.PinnedCpu = slot.InitialCpu;
        control.SignalReady();
        control.WaitForStart();
        if (slot.Problem is null)
            Compare(registration.Area);
    }

    void Compare(nint area)
    {
        while (!control.Stopping)
        {
            var round = Read(area);
            var observation = StormJudge.Judge(round);
            if (StormJudge.WantsReread(observation))
                CountViolation(observation, round, Read(area));
            else
                Count(observation);
        }
    }

    StormRound Read(nint area)
    {
        var sequenceBefore = slot.ReadSequence();
        var cpuIdBefore = RseqArea.ReadCpuId(area);
        var getCpu = syscalls.GetCpu();
        var cpuIdAfter = RseqArea.ReadCpuId(area);
        return new StormRound(sequenceBefore, cpuIdBefore, getCpu, cpuIdAfter, slot.ReadSequence());
    }

    void Count(StormObservation observation)
    {
        switch (observation)
        {
            case StormObservation.Raced:
                slot.Raced++;
                break;
            case StormObservation.Agreed:
                slot.Comparisons++;
                break;
            case StormObservation.GetCpuFailed:
                slot.GetCpuFailures++;
                break;
        }
    }

    void CountViolation(StormObservation observation, StormRound round, StormRound reread)
    {
        var rightOnReread = StormJudge.RightOnReread(round, reread);
        if (observation == StormObservation.NegativeCpuId)
            slot.NegativeCpuIds++;
        else
        {
            slot.Comparisons++;
            slot.Mismatches++;
            if (rightOnReread)
                slot.RightOnReread++;
        }
        if (slot.ViolationExamples.Count < ScenarioOutcome.MaxEvidenceLines)
            slot.ViolationExamples.Add($"worker {slot.Index} pinned to cpu {slot.PinnedCpu}, no re-pin racing: {round}, "
                + $"{(rightOnReread ? "right on the re-read" : "re-read")} {reread}");
    }
}
