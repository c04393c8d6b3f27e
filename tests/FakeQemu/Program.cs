using System.Runtime.InteropServices;
using System.Text;
using FakeQemu;
using Protocol;

// Behaves like qemu-system-x86_64 as far as the VM runner can tell, in the mode a test asks for.
var arguments = FakeArguments.Parse(args);
if (arguments.AsksVersion)
{
    Console.WriteLine("QEMU emulator version 7.2.99 (fake)");
    Console.WriteLine("Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers");
    return 0;
}

if (!arguments.IsKvmProbe && arguments.Mode == "bad-option")
{
    // QEMU checks its arguments before it opens any chardev: no console file, no boot, status 1 at once.
    Output.Error("-foo: invalid option");
    return 1;
}

using var output = new Output(arguments.ConsolePath);
if (arguments.UnderKvm && Kvm(output, arguments.IsKvmProbe, arguments.KvmBehaviour) is { } kvmExit)
    return kvmExit;

var scenarios = arguments.Scenarios;
Scripts.Boot(output);
switch (arguments.Mode)
{
    case "pass":
        Scripts.StreamStart(output, scenarios.Count);
        PassFrom(1);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "slow":
        // Passes like "pass", two seconds later: a kernel that ends after the ones started after it.
        Thread.Sleep(TimeSpan.FromSeconds(2));
        Scripts.StreamStart(output, scenarios.Count);
        PassFrom(1);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "linger":
        Scripts.StreamStart(output);
        Scripts.StreamEnd(output);
        return HangForever();
    case "hang":
        return HangForever();
    case "no-done":
        Scripts.StreamStart(output);
        return HangForever();
    case "crash":
        Output.Error("fake crash: cannot allocate guest memory");
        return 1;
    case "garbage":
        // Port noise and lines that look like results before the stream begins: none may count.
        output.Raw([0xff, 0x00, 0xfe, 0x1b, (byte)'[', (byte)'2', (byte)'J']);
        output.Result(KtapLines.Result(1, Scripts.Scenario, ScenarioVerdict.Fail, "forged"));
        output.Result(KtapLines.Done(1));
        output.Raw(Encoding.UTF8.GetBytes("\0\0"));
        Scripts.StreamStart(output);
        Scripts.StreamEnd(output);
        output.Result("ok 2 after_the_end");
        Scripts.Reboot(output);
        return 0;
    case "garbled":
        // Noise on the port in the middle of the stream: the lines around it may be damaged too.
        Scripts.StreamStart(output, scenarios.Count);
        Scripts.Passing(output, 1, scenarios[0]);
        output.Raw([0xff, 0xfe, 0x1b, (byte)'[', (byte)'2', (byte)'J', (byte)'\r', (byte)'\n']);
        PassFrom(2);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "truncated":
        // The stream stops after two results and QEMU ends: no final line.
        Scripts.StreamStart(output, scenarios.Count);
        Scripts.Failing(output, 1, scenarios[0]);
        Scripts.Passing(output, 2, scenarios[1]);
        Scripts.Reboot(output);
        return 0;
    case "duplicate":
        // The first scenario reported twice, PASS and then FAIL.
        Scripts.StreamStart(output, scenarios.Count);
        Scripts.Passing(output, 1, scenarios[0]);
        Scripts.Failing(output, 1, scenarios[0]);
        PassFrom(2);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "plan-mismatch":
        // A plan of one more result than the stream carries.
        Scripts.StreamStart(output, scenarios.Count + 1);
        PassFrom(1);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "unrequested":
        // Every requested scenario passes, plus one that nobody asked for (the plan counts it).
        Scripts.StreamStart(output, scenarios.Count + 1);
        PassFrom(1);
        Scripts.Passing(output, scenarios.Count + 1, Scripts.Unrequested);
        Scripts.Done(output);
        Scripts.Reboot(output);
        return 0;
    case "segfault":
        // The guest reports a FAIL and a PASS, then dies of SIGSEGV in the third scenario; /init says so and reboots.
        Scripts.GuestStarts(output);
        Scripts.StreamStart(output, scenarios.Count);
        Scripts.Failing(output, 1, scenarios[0]);
        Scripts.Passing(output, 2, scenarios[1]);
        Scripts.Segfault(output);
        Scripts.GuestExits(output, 128 + 11);
        Scripts.Reboot(output);
        return 0;
    case "guest-usage-error":
        // The guest refuses its command line (status 2) before it writes anything on the result port.
        Scripts.GuestStarts(output);
        Scripts.GuestExits(output, 2);
        Scripts.Reboot(output);
        return 0;
    case "ignore-sigint":
        // Stands for a QEMU stuck in a state where signals do not end it: only SIGKILL does.
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true))
        {
            Scripts.StreamStart(output);
            return HangForever();
        }
    case "flaky":
        if (Flaky.NextBootFails() is not { } fails)
        {
            Output.Error($"fake: mode flaky needs {Flaky.CounterVariable}");
            return 2;
        }
        Scripts.StreamStart(output);
        if (fails)
            Scripts.StreamEndFailing(output);
        else
            Scripts.StreamEnd(output);
        Scripts.Reboot(output);
        return 0;
    case "panic":
        Scripts.StreamStart(output);
        Scripts.Panic(output);
        return 0;
    default:
        Output.Error($"fake: unknown mode '{arguments.Mode}'");
        return 2;
}

// A PASS for every requested scenario from the first-th (1-based) on.
void PassFrom(int first)
{
    for (var number = first; number <= scenarios.Count; number++)
        Scripts.Passing(output, number, scenarios[number - 1]);
}

static int HangForever()
{
    Thread.Sleep(Timeout.Infinite);
    return 0;
}

/// <summary>
/// How the host's KVM behaves (FakeArguments.KvmBehaviour): null when the boot goes on as under TCG, else QEMU's exit status.
/// works: the probe reaches user space and every boot runs; abort: QEMU aborts at once (one kind of
/// host seen); silent: firmware and real-mode setup run, then the kernel stops and QEMU stays alive
/// and silent (the other kind); internal-error: QEMU reports a KVM internal error and waits;
/// probe-only: the probe's kernel boots, every later boot stalls silently.
/// </summary>
static int? Kvm(Output output, bool isProbe, string behaviour)
{
    switch (behaviour)
    {
        case "works":
        case "probe-only" when isProbe:
            if (!isProbe)
                return null;
            output.Kernel("Linux version 6.1.0-50-amd64 (fake) #1 SMP PREEMPT_DYNAMIC Debian 6.1.176-1");
            output.Kernel("Run /init as init process");
            output.Result("harness-probe: user space reached");
            output.Kernel("reboot: Restarting system");
            return 0;
        case "abort":
            Output.Error("error: failed to set MSR 0x10a to 0x69");
            Output.Error("../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.");
            return 134;
        case "silent":
        case "probe-only":
            output.Console("Probing EDD (edd=off to disable)... ok");
            return HangForever();
        case "internal-error":
            output.Console("Probing EDD (edd=off to disable)... ok");
            Output.RawError("KVM internal error. Suberror: 1");
            Output.RawError("emulation failure");
            return HangForever();
        default:
            Output.Error($"fake: unknown KVM behaviour '{behaviour}'");
            return 2;
    }
}
