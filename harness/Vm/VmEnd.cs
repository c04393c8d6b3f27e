namespace Harness.Vm;

/// <summary>How a VM run ended, as far as the runner can tell (not a verdict about the kernel).</summary>
public enum VmEnd
{
    /// <summary>The guest's result stream reached its final line and QEMU ended.</summary>
    Completed,
    /// <summary>No result stream began within the boot timeout.</summary>
    BootTimeout,
    /// <summary>The stream began but did not finish within the test timeout.</summary>
    TestTimeout,
    /// <summary>QEMU ended before the stream finished (crash, guest panic, reboot, bad arguments).</summary>
    EndedEarly,
    /// <summary>QEMU could not be started at all.</summary>
    QemuNotStarted,
    /// <summary>The console printed nothing new for the silence limit before the guest started (a stalled boot).</summary>
    ConsoleSilent,
    /// <summary>QEMU reported that KVM could not run the guest ("KVM internal error") and stopped it.</summary>
    KvmInternalError,
}
