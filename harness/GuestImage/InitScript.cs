namespace Harness.GuestImage;

/// <summary>
/// The guest's /init (busybox sh, PID 1): mounts the pseudo filesystems, runs the guest program,
/// says how it ended, and reboots, which ends QEMU because the harness starts it with -no-reboot.
/// </summary>
public static class InitScript
{
    public const string GuestPath = "/bin/guest";

    /// <summary>The second serial port, which carries only the guest's KTAP stream.</summary>
    public const string KtapDevice = "/dev/ttyS1";

    /// <summary>
    /// Where a kernel built with <c>selftests: true</c> has its rseq selftest programs (an extra
    /// archive appended to the initramfs); the guest runs whatever is there, and nothing when absent.
    /// </summary>
    public const string SelftestsFolder = "/selftests";

    /// <summary>Where /init mounts proc, sysfs and devtmpfs: directories of the image, so it runs no mkdir.</summary>
    public static readonly IReadOnlyList<string> MountPoints = ["proc", "sys", "dev"];

    /// <summary>
    /// A kernel command-line word that puts /init in probe mode: it writes <see cref="ProbeMarker"/> on
    /// the result port and reboots, so the KVM probe learns that a kernel reached user space.
    /// </summary>
    public const string ProbeWord = "harness.probe";

    /// <summary>The line /init writes on the result port in probe mode.</summary>
    public const string ProbeMarker = "harness-probe: user space reached";

    /// <summary>Appears on the console just before the guest starts.</summary>
    public const string GuestStartMarker = "harness-init: running " + GuestPath;

    /// <summary>Followed on the console by the guest's exit status (128 + signal number after a crash).</summary>
    public const string GuestExitMarker = "harness-init: guest exited with status ";

    /// <summary>
    /// The script. Status lines go through /dev/kmsg at level 3 (err): printk output reaches the
    /// console before reboot completes and shows even with "quiet", whereas a line written to the
    /// console tty may still sit in the UART buffer when reboot -f runs. reboot -f, unlike
    /// poweroff, also ends a kernel built without ACPI.
    /// </summary>
    public static string Text { get; } = $$"""
        #!/bin/sh
        # /init of the harness guest, written by the harness (GuestImage/InitScript.cs).
        export PATH=/bin

        say() {
            echo "<3>harness-init: $*" 2>/dev/null >/dev/kmsg || echo "harness-init: $*"
        }

        # The mount points are directories of the image (InitramfsLayout), and the probe word is
        # matched by the shell itself: every command busybox runs here is a fork and exec, about
        # 25 ms each under TCG, and these two were a quarter of /init's time before the guest.
        mount -t proc proc /proc || say "mounting /proc failed"
        mount -t sysfs sysfs /sys || say "mounting /sys failed"
        mount -t devtmpfs devtmpfs /dev || say "mounting /dev failed"

        # The KVM probe only asks whether a kernel reaches user space: answer, and end at once.
        read -r cmdline </proc/cmdline
        case " $cmdline " in
        *" {{ProbeWord}} "*)
            echo "{{ProbeMarker}}" >{{KtapDevice}}
            reboot -f
            ;;
        esac

        say "running {{GuestPath}}"
        # The same line on the result port, which the host stamps as it arrives: with the console's
        # stamp of the line above it ties the kernel's clock to the host's (Vm/BootPhases.cs).
        echo "{{GuestStartMarker}}" >{{KtapDevice}}
        {{GuestPath}} --kernel-cmdline --ktap {{KtapDevice}} --selftests {{SelftestsFolder}}
        status=$?
        say "guest exited with status $status"

        reboot -f
        # Only reached if the reboot call failed; PID 1 exiting then panics, and panic=-1 reboots.
        say "reboot -f failed"
        """.ReplaceLineEndings("\n") + "\n";
}
