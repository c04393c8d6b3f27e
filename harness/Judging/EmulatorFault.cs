using Harness.Vm;

namespace Harness.Judging;

/// <summary>
/// Multi-threaded TCG's known fault: its translation races the kernel's live code patching.
/// text_poke_bp plants an int3 over the site it rewrites, and a vCPU still running a block
/// translated from the old bytes can trap on it where the kernel expects none, so the kernel oopses
/// on an int3 in the patched function. Seen here in sched_clock_cpu on Debian's 6.12, 7.2 and 7.3,
/// at boot and when the clocksource watchdog flipped the sched_clock key (README, "Outcomes").
/// </summary>
/// <remarks>
/// Forgiven only in the narrowest shape it has been seen in, because an int3 oops is also what a
/// real kernel bug in the patching code looks like: the first finding of the boot, before the guest
/// started, under TCG, with its RIP in a function named below. Anything else is the kernel's.
/// </remarks>
public static class EmulatorFault
{
    // The sites the kernel live-patches and QEMU has been seen, or is expected, to trip on:
    // sched_clock_cpu, sched_clock and native_sched_clock branch on __sched_clock_stable and
    // __use_tsc (static keys flipped at boot and by the clocksource watchdog: the one seen so far).
    static readonly string[] PatchedFunctions = ["sched_clock_cpu", "sched_clock", "native_sched_clock", "arch_static_branch"];

    // Jump labels, static keys and static calls, and text_poke itself (the patcher's own code).
    static readonly string[] PatchedFamilies = ["static_key_", "__static_call", "text_poke"];

    /// <summary>Whether a RIP's function ("sched_clock_cpu") is a site the kernel live-patches.</summary>
    public static bool IsPatchedSite(string? function) =>
        function is not null
        && (PatchedFunctions.Contains(function, StringComparer.Ordinal)
            || PatchedFamilies.Any(family => function.StartsWith(family, StringComparison.Ordinal)));

    /// <summary>
    /// Whether the oops's <c>Code:</c> line shows the trap on an instruction text_poke_bp rewrites:
    /// a jump label or static call site in any function (seen: a static branch inside
    /// enqueue_task_fair on Debian's 7.2). The byte marked &lt;..&gt; is the one after the int3, so the
    /// site starts one byte before it: a 5-byte NOP (<c>0f 1f 44 00 00</c>), a jmp or call rel32
    /// (<c>e9</c>, <c>e8</c>), a 2-byte jmp or NOP (<c>eb</c>, <c>66 90</c>), or that NOP with the
    /// int3 still over its first byte (<c>cc 1f 44 00 00</c>). An int3 followed by anything else, as
    /// a stray breakpoint would be, stays the kernel's.
    /// </summary>
    public static bool TrappedOnAPatchableInstruction(IReadOnlyList<string> trace)
    {
        var code = trace.FirstOrDefault(line => line.StartsWith("Code:", StringComparison.Ordinal));
        if (code is null)
            return false;
        var bytes = code["Code:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var marker = Array.FindIndex(bytes, b => b.StartsWith('<'));
        if (marker < 1)
            return false;
        var site = bytes[(marker - 1)..].Select(b => b.Trim('<', '>')).ToArray();
        bool At(params string[] expected) => site.Length >= expected.Length && expected.SequenceEqual(site.Take(expected.Length));
        return At("0f", "1f", "44", "00", "00") || At("cc", "1f", "44", "00", "00")
            || (site.Length >= 5 && site[0] is "e9" or "e8")
            || (site.Length >= 2 && site[0] == "eb") || At("66", "90");
    }

    /// <summary>
    /// The boot's first finding when it is this emulator fault, else null. "Before the guest" is
    /// placed by /init's line on the console when there is one, else by the result stream.
    /// </summary>
    public static ConsoleFinding? CodePatchingCrash(IReadOnlyList<ConsoleFinding> findings, ConsoleTimeline timeline, bool streamStarted, Accel accel)
    {
        if (accel != Accel.Tcg || findings.Count == 0)
            return null;
        var first = findings.MinBy(f => f.LineNumber)!;
        if (!first.IsInt3Oops() || !(IsPatchedSite(first.RipFunction()) || TrappedOnAPatchableInstruction(first.Trace)))
            return null;
        var beforeTheGuest = timeline.GuestStart is { } start ? first.LineNumber < start && !streamStarted : !streamStarted;
        return beforeTheGuest ? first : null;
    }
}
