using Guest.Rseq;

namespace Guest.Faults;

/// <summary>
/// Test-only faults (<c>rseqh.fault=</c> on the kernel command line, set through kernels.yaml's
/// kernel_args), so the harness's fault-injection tests can show what a user sees when the kernel
/// panics, or the guest crashes or hangs, while the guest's stream is under way. Never set by a
/// normal run; each fires right after the plan line and the first scenario's begin marker, inside that
/// scenario's time window on the console.
/// </summary>
internal static unsafe class InjectedFault
{
    public const string Panic = "panic";
    public const string Segv = "segv";
    public const string Hang = "hang";

    public static IReadOnlyList<string> All { get; } = [Panic, Segv, Hang];

    /// <summary>What to do after the plan line, or nothing when no fault was asked for.</summary>
    public static Action AfterPlan(string? fault, LibC libc) => fault switch
    {
        null => () => { },
        // sysrq 'c' makes the kernel crash on purpose ("sysrq triggered crash"): a kernel bug on
        // the console while the guest runs, as a real one would show.
        Panic => () => File.WriteAllText("/proc/sysrq-trigger", "c"),
        // The runtime handles SIGSEGV itself (null references); with the default action restored
        // the process dies of the signal, as a native crash in the guest would.
        Segv => () =>
        {
            var signal = (delegate* unmanaged<int, nint, nint>)libc.DataExport("signal");
            signal(SigSegv, SigDefault);
            libc.Kill(Environment.ProcessId, SigSegv);
        },
        Hang => () => Thread.Sleep(Timeout.Infinite),
        _ => throw new ArgumentException($"unknown fault '{fault}'", nameof(fault)),
    };

    const int SigSegv = 11;
    const nint SigDefault = 0;
}
