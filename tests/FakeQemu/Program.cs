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

using var output = new Output(arguments.ConsolePath);
if (arguments.ProbesKvm)
    return ProbeKvm(output, Environment.GetEnvironmentVariable("FAKEQEMU_KVM") ?? "works");

Scripts.Boot(output);
switch (arguments.Mode)
{
    case "pass":
        Scripts.StreamStart(output);
        Scripts.StreamEnd(output);
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
    case "ignore-sigint":
        // Stands for a QEMU stuck in a state where signals do not end it: only SIGKILL does.
        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true))
        {
            Scripts.StreamStart(output);
            return HangForever();
        }
    case "panic":
        Scripts.StreamStart(output);
        Scripts.Panic(output);
        return 0;
    default:
        Output.Error($"fake: unknown mode '{arguments.Mode}'");
        return 2;
}

static int HangForever()
{
    Thread.Sleep(Timeout.Infinite);
    return 0;
}

static int ProbeKvm(Output output, string behaviour)
{
    switch (behaviour)
    {
        case "works":
            output.Result("SeaBIOS (version fake)");
            return HangForever();
        case "abort":
            Output.Error("error: failed to set MSR 0x10a to 0x69");
            Output.Error("../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.");
            return 134;
        default:
            return HangForever();
    }
}
