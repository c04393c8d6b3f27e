using Protocol;

namespace FakeQemu;

/// <summary>The console and result texts the fake plays.</summary>
static class Scripts
{
    public const string Scenario = "fork_cpu_id";

    /// <summary>A scenario name the harness never asks for.</summary>
    public const string Unrequested = "mystery_scenario";

    // The lines the harness's /init writes through /dev/kmsg (harness/GuestImage/InitScript.cs);
    // copied, not shared, because the real QEMU does not share them either: a drift shows as a failing test.
    const string GuestStartMarker = "harness-init: running /bin/guest";
    const string GuestExitMarker = "harness-init: guest exited with status ";

    /// <summary>Normal boot lines of a Debian kernel, including the ones that mention bugs and warnings.</summary>
    public static void Boot(Output output)
    {
        output.Kernel("Linux version 6.1.0-50-amd64 (fake) #1 SMP PREEMPT_DYNAMIC Debian 6.1.176-1");
        output.Kernel("Command line: console=ttyS0 panic=-1");
        output.Kernel("Spectre V2 : WARNING: Unprivileged eBPF is enabled with eIBRS on, data leaks possible via Spectre v2 BHB attacks!");
        output.Kernel("PCI: Using host bridge windows from ACPI; if necessary, use \"pci=nocrs\" and report a bug");
        output.Kernel("AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.");
        output.Kernel("Run /init as init process");
    }

    public static void StreamStart(Output output, int planned = 1)
    {
        output.Result(KtapLines.Version);
        output.Result(KtapLines.Info(InfoKeys.KernelRelease, "6.1.0-50-amd64"));
        output.Result(KtapLines.Plan(planned));
    }

    public static void StreamEnd(Output output)
    {
        Passing(output, 1, Scenario);
        Done(output);
    }

    public static void Passing(Output output, int number, string scenario)
    {
        output.Result(KtapLines.Counters(scenario, [new(CounterNames.Forks, 800), new(CounterNames.StaleChildren, 0)]));
        output.Result(KtapLines.Result(number, scenario, ScenarioVerdict.Pass, null));
    }

    /// <summary>A FAIL with evidence, as fork_cpu_id reports a stale child.</summary>
    public static void Failing(Output output, int number, string scenario)
    {
        output.Result(KtapLines.Counters(scenario, [new(CounterNames.Forks, 800), new(CounterNames.StaleChildren, 20)]));
        output.Result(KtapLines.Evidence(scenario, "child cpu_id=2 getcpu=0 parent_cpu=2"));
        output.Result(KtapLines.Result(number, scenario, ScenarioVerdict.Fail, "stale cpu_id in 20 of 800 forked children"));
    }

    public static void Done(Output output) => output.Result(KtapLines.Done(0));

    public static void GuestStarts(Output output) => output.Kernel(GuestStartMarker);

    /// <summary>What /init says once the guest program has ended (128 + N when signal N killed it).</summary>
    public static void GuestExits(Output output, int status) => output.Kernel(GuestExitMarker + status);

    /// <summary>The kernel's note of an unhandled SIGSEGV (show_unhandled_signals), which is no kernel bug.</summary>
    public static void Segfault(Output output) =>
        output.Kernel("guest[73]: segfault at 0 ip 00000000004a1c2e sp 00007ffc0d1e8f40 error 4 in guest[401000+3a1000] likely on CPU 1 (core 1, socket 0)");

    /// <summary>The end of a stream in which the kernel broke the contract: a stale cpu_id in forked children.</summary>
    public static void StreamEndFailing(Output output)
    {
        output.Result(KtapLines.Counters(Scenario, [new(CounterNames.Forks, 800), new(CounterNames.StaleChildren, 3)]));
        output.Result(KtapLines.Evidence(Scenario, "child cpu_id=3 getcpu=2 parent_cpu=3"));
        output.Result(KtapLines.Result(1, Scenario, ScenarioVerdict.Fail, "stale cpu_id in 3 of 20 forked children"));
        output.Result(KtapLines.Done(1));
    }

    public static void Reboot(Output output)
    {
        output.Kernel("reboot: Restarting system");
        output.Kernel("reboot: machine restart");
    }

    /// <summary>A real panic after an oops (6.1, trimmed).</summary>
    public static void Panic(Output output)
    {
        output.Kernel("BUG: kernel NULL pointer dereference, address: 0000000000000000");
        output.Kernel("#PF: supervisor read access in kernel mode");
        output.Kernel("Oops: 0000 [#1] PREEMPT SMP NOPTI");
        output.Kernel("CPU: 1 PID: 1 Comm: init Not tainted 6.1.0-50-amd64 #1  Debian 6.1.176-1");
        output.Kernel("Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009");
        output.Kernel("---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000009 ]---");
    }
}
