using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// The probe that legacy_cpu_id_start runs in a process of its own, started with glibc's rseq
/// registration off: it registers a 32-byte (ABI v1) area, pins itself to one CPU, and over and
/// over writes a sentinel into cpu_id_start, sleeps, and reads cpu_id_start back, as TCMalloc
/// relies on the kernel restoring it after every context switch.
/// </summary>
internal sealed unsafe class LegacyProbe(LibC libc, Syscalls syscalls, RseqRegistrar registrar)
{
    /// <summary>Enough survivals to be sure; stopping there keeps a faulty kernel's run short.</summary>
    const int SurvivalsToStop = 20;

    /// <summary>
    /// Long enough that the sleep nearly always blocks (a context switch), short enough for hundreds
    /// of them. What is checked is the switch, not its length: a sleep that did not block is counted
    /// apart (SleepClassifier) and never stands for one. It was 1 ms, which made 500 switched sleeps
    /// cost over 0.5 s under TCG; the pinned probe's CPU is idle meanwhile, so a shorter sleep only
    /// wakes it sooner.
    /// </summary>
    const long SleepNanoseconds = 100_000;

    /// <param name="duration">The cap.</param>
    /// <param name="stressMultiple">
    /// The probe stops once this multiple of the minimum switched sleeps is reached: at 10×, the 500
    /// sleeps of the measurement when the scenario was written, which showed the fault every time or never.
    /// </param>
    public LegacyProbeReport Run(TimeSpan duration, double stressMultiple)
    {
        var switchedSleepsTarget = StressTarget.Of(LegacyCpuIdStartVerdict.MinimumSwitchedSleeps, stressMultiple);
        var stopwatch = Stopwatch.StartNew();
        var tally = new LegacyProbeTally();
        var registration = registrar.ForCurrentThread();
        var unavailable = registration.Owner switch
        {
            RseqOwner.Guest => null,
            // The guest's environment, not the kernel, kept it from testing: no verdict either way.
            RseqOwner.Glibc => RseqProblem.Untestable(
                "glibc registered rseq despite GLIBC_TUNABLES=glibc.pthread.rseq=0, so no 32-byte area of our own"),
            _ => registration.Problem ?? RseqProblem.Untestable("no rseq registration"),
        };
        if (unavailable is not null)
            return tally.Report(-1, stopwatch.ElapsedMilliseconds, unavailable);

        // Pinned, so the sleep switches the thread out without moving it: a migration rewrites
        // the IDs on every kernel and would hide the regression.
        var cpu = syscalls.GetCpu();
        var pinError = new CpuAffinity(libc).Pin(0, cpu);
        if (pinError != 0)
            throw new InvalidOperationException($"could not pin the probe to cpu {cpu} (errno {pinError})");

        while (stopwatch.Elapsed < duration && tally.SwitchedSleeps < switchedSleepsTarget && tally.SentinelSurvived < SurvivalsToStop)
            tally.Record(SleepOnce(registration.Area));
        return tally.Report(cpu, stopwatch.ElapsedMilliseconds, null, registration.Length);
    }

    SleepSample SleepOnce(nint area)
    {
        RseqArea.WriteCpuIdStart(area, SleepSample.Sentinel);
        var switchesBefore = syscalls.ThreadVoluntarySwitches();
        var request = stackalloc long[2] { 0, SleepNanoseconds };
        libc.NanoSleep(request, null);
        // Counted before cpu_id_start is read: a rise then proves a switch between the sentinel
        // write and the read, which a correct kernel follows with a rewrite. A 1 ms sleep does not
        // always block: under TCG the timer can expire before the thread gets to schedule().
        var switchesAfter = syscalls.ThreadVoluntarySwitches();
        var cpuIdStart = RseqArea.ReadCpuIdStart(area);
        var cpuId = RseqArea.ReadCpuId(area);
        var getCpu = syscalls.GetCpu();
        var switches = switchesBefore < 0 || switchesAfter < 0 ? 0 : switchesAfter - switchesBefore;
        return new SleepSample(cpuIdStart, cpuId, getCpu, switches);
    }
}
