using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.CsAbort;

/// <summary>The verdict of cs_abort from its counters: a pure function, tested on recorded runs.</summary>
internal static class CsAbortVerdict
{
    /// <summary>Migration between CPUs is the stress; one CPU cannot give it.</summary>
    public const int MinimumCpus = 2;

    /// <summary>
    /// Aborts that must happen: a run without them never exercised the restart, so an exact sum
    /// would prove nothing. Under TCG with 4 vCPUs a 3 s run saw 31 to 116 with every batch armed,
    /// and 45 to 47 (bullseye-5.10, trixie-6.12) since half the batches run the unarmed control.
    /// </summary>
    public const int MinimumAborts = 10;

    /// <summary>
    /// Involuntary switches of the workers during their armed batches at which a run with no abort
    /// at all is the kernel's fault, not chance. How many preemptions land inside the section depends
    /// on the machine: under TCG with 4 vCPUs, 3 s, good kernels gave 47 aborts in 162 switches (5.10)
    /// and 45 in 244 (6.12), 18% or more, because TCG takes interrupts only at block ends and the
    /// stub ends two blocks inside the section; on real hardware (the host's 6.18, 2 CPUs, 1 s, the
    /// host test) only 5 in 240, 2%, as an interrupt lands anywhere in the loop. Sized for the worse:
    /// at 700 switches and 2% a good kernel shows no abort with a chance of 0.98^700, about 7e-7. The
    /// cost: under TCG a kernel that never aborts reaches only about 160 to 250 switches in 3 s, so its
    /// run is an ERROR (too few aborts), never a PASS, and becomes a FAIL with a longer run or KVM.
    /// </summary>
    public const int MinimumSwitchesForNoAbortFail = 700;

    /// <summary>
    /// Updates the unarmed control must lose: one is enough to show that preemptions and migrations
    /// landed between the load and the store, where only an abort saves the armed section. Good
    /// kernels lose far more (1,332,746 of 23.9 M on 5.10, 939,592 of 22.7 M on 6.12, TCG, 3 s): one
    /// preempted section overwrites every increment another thread made on that CPU meanwhile.
    /// </summary>
    public const int MinimumUnarmedLostUpdates = 1;

    /// <summary>The run has <paramref name="multiple"/> times every stress minimum a PASS needs.</summary>
    public static bool StressReached(long aborts, long unarmedLostUpdates, double multiple) =>
        aborts >= StressTarget.Of(MinimumAborts, multiple) && unarmedLostUpdates >= StressTarget.Of(MinimumUnarmedLostUpdates, multiple);

    /// <summary>
    /// The FAILs that running on cannot undo: a cpu_id beyond the CPUs, or no abort in enough
    /// switches. (A wrong sum is only known once the workers stopped, at the cap at the latest.)
    /// </summary>
    public static bool FailConfirmed(long aborts, long involuntarySwitches, long cpuIdOutOfRange) =>
        cpuIdOutOfRange > 0 || (aborts == 0 && involuntarySwitches >= MinimumSwitchesForNoAbortFail);

    /// <param name="rseqProblem">Why a thread had no rseq area (a SKIP only when the kernel lacks rseq); null when all had one.</param>
    public static ScenarioOutcome Judge(CsAbortCounts counts, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(CsAbortCounts counts, RseqProblem? rseqProblem)
    {
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);
        if (counts.CounterSum != counts.Increments)
            return (ScenarioVerdict.Fail,
                $"per-CPU counters sum to {counts.CounterSum} but {counts.Increments} increments committed "
                + $"({counts.CounterSum - counts.Increments:+#;-#;0}): a critical section was not aborted, or aborted after its commit");
        if (counts.CpuIdOutOfRange > 0)
            return (ScenarioVerdict.Fail, $"cpu_id read beyond the possible CPUs in {counts.CpuIdOutOfRange} critical sections");
        if (counts.Aborts == 0 && counts.InvoluntarySwitches >= MinimumSwitchesForNoAbortFail)
            return (ScenarioVerdict.Fail,
                $"kernel never aborted the critical section in {counts.InvoluntarySwitches} involuntary switches of the workers");
        if (counts.UnarmedLostUpdates < MinimumUnarmedLostUpdates)
            return (ScenarioVerdict.Error,
                $"insufficient stress: the unarmed critical section lost no updates in {counts.UnarmedIncrements} increments");
        if (counts.Aborts < MinimumAborts)
            return (ScenarioVerdict.Error, $"insufficient stress: {counts.Aborts} aborts, need {MinimumAborts}");
        return (ScenarioVerdict.Pass, null);
    }
}
