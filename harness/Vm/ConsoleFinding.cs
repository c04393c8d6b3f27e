using System.Text.RegularExpressions;

namespace Harness.Vm;

/// <summary>A line of the console log that shows a kernel bug.</summary>
public sealed partial record ConsoleFinding(ConsoleFindingKind Kind, int LineNumber, string Line)
{
    /// <summary>
    /// An oops from an int3 trap in the kernel, in either spelling: "int3: 0000 [#1] SMP NOPTI"
    /// (5.10, 6.1) or "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI" (6.10 on). Under TCG that is QEMU
    /// racing the kernel's code patching (see OutcomeJudge). A method, not a property, because
    /// run.json serialises findings as they are and a property would add a field to its schema.
    /// </summary>
    public bool IsInt3Oops() => Kind == ConsoleFindingKind.Oops && Int3Header().IsMatch(Line);

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
