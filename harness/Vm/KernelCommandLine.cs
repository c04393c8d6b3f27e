namespace Harness.Vm;

/// <summary>The kernel command line of a guest boot.</summary>
public static class KernelCommandLine
{
    // No "quiet": it lowers the console level to 4, which hides WARN_ON splats (pr_warn) and the
    // "Oops:" header (default level 4), the very lines the console scan looks for; a full Debian
    // boot log is only ~330 lines and measured no slower.
    // panic=-1 reboots at once on a panic, and -no-reboot turns that reboot into QEMU's exit, so a
    // panicking guest ends the run in seconds instead of waiting for the test timeout.
    // No oops=panic: an oops in an unrelated path leaves the guest running, so its result stream
    // (and its own evidence) can still complete; the console scan reports the oops either way, and
    // an oops that kills init panics anyway ("Attempted to kill init").
    static readonly string[] Fixed = ["console=ttyS0", "panic=-1"];

    // Under TCG, QEMU's multi-threaded translation races the kernel's live code patching (text_poke:
    // int3, then the new bytes, synchronised by IPIs): a vCPU can still run a stale translated block
    // holding the int3 and oops in sched_clock_cpu. The patching that hits it is the sched_clock
    // static key, flipped when the clocksource watchdog finds the emulated TSC "unstable" on a busy
    // host (and once at late boot). Declaring the TSC unstable from the start means the key is never
    // flipped. It changes which clock the scheduler reads, nothing rseq depends on.
    //
    // lpj= presets the delay loop's calibration. With the TSC declared unstable every secondary CPU
    // calibrates its delay loop by counting jiffies, which under TCG (a busy host, interrupts late)
    // fails round after round ("calibrate_delay_direct() dropping ... estimate", "Consider using
    // lpj= boot option"): about a second of every boot of 4 vCPUs (bench/RESULTS.md). x86's udelay
    // counts TSC cycles, not loops, so the value only feeds BogoMIPS; 8,000,000 is what the boot
    // CPU derives from a ~2 GHz TSC at HZ=250. A kernel_args "lpj=0" brings the calibration back.
    //
    // cryptomgr.notests skips the crypto API's boot-time self-tests of every built-in algorithm:
    // emulated, Debian's kernels spent 0.4 s of their start in them (initcall_debug on bookworm-6.1:
    // crypto_algapi_init 414 ms, 39 ms without). They test the ciphers, nothing rseq touches, and a
    // kernel with the tests configured out boots the same way. A kernel_args
    // "cryptomgr.notests=0" brings them back.
    static readonly string[] UnderTcg = ["tsc=unstable", "lpj=8000000", "cryptomgr.notests"];

    /// <param name="extraArguments">The matrix's <c>kernel_args</c>, after the harness's own words so
    /// that the kernel's last-one-wins parsing lets a user override them, before the guest's.</param>
    public static string Build(IReadOnlyList<string> guestArguments, Accel accel, string extraArguments = "") =>
        string.Join(' ', Fixed
            .Concat(accel == Accel.Tcg ? UnderTcg : [])
            .Concat(extraArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(guestArguments.Where(word => word.Length > 0)));
}
