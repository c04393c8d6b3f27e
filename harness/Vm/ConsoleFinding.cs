using System.Text.RegularExpressions;

namespace Harness.Vm;

/// <summary>A line of the console log that shows a kernel bug.</summary>
/// <remarks>Written to run.json as it is: every property here is a field of its schema.</remarks>
public sealed partial record ConsoleFinding(ConsoleFindingKind Kind, int LineNumber, string Line)
{
    /// <summary>
    /// Where the CPU was, from the "RIP: 0010:sched_clock_cpu+0x11/0x1c0" line the kernel prints a
    /// few lines below an oops or WARNING header: "sched_clock_cpu+0x11/0x1c0". Null when none followed.
    /// </summary>
    public string? Rip { get; init; }

    /// <summary>The few console messages after the header (CPU, RIP, registers), shown as evidence.</summary>
    public IReadOnlyList<string> Trace { get; init; } = [];

    /// <summary>
    /// An oops from an int3 trap in the kernel, in either spelling: "int3: 0000 [#1] SMP NOPTI"
    /// (5.10, 6.1) or "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI" (6.10 on). Under TCG that can be QEMU
    /// racing the kernel's code patching (see EmulatorFault). A method, not a property, because
    /// run.json serialises findings as they are and a property would add a field to its schema.
    /// </summary>
    public bool IsInt3Oops() => Kind == ConsoleFindingKind.Oops && Int3Header().IsMatch(Line);

    /// <summary>The function of <see cref="Rip"/> ("sched_clock_cpu"); null without a symbol (no KALLSYMS) or a RIP line.</summary>
    public string? RipFunction() =>
        Rip is null || Rip.StartsWith("0x", StringComparison.Ordinal) ? null : Rip.Split('+')[0];

    // The trace is a list: compare it by content, as the rest of the record is.
    public bool Equals(ConsoleFinding? other) =>
        other is not null && Kind == other.Kind && LineNumber == other.LineNumber && Line == other.Line
        && Rip == other.Rip && Trace.SequenceEqual(other.Trace);

    public override int GetHashCode() => HashCode.Combine(Kind, LineNumber, Line, Rip, Trace.Count);

    [GeneratedRegex(@"^(Oops: )?int3: [0-9a-f]{4} \[#\d+\]")]
    private static partial Regex Int3Header();
}

public enum ConsoleFindingKind
{
    Panic,
    Oops,
    Bug,
    Warning,
    Lockup,
}
