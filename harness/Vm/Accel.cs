namespace Harness.Vm;

/// <summary>
/// The accelerator a VM boots with, once decided (<see cref="AccelResolver"/>): an enum from the
/// decision to QEMU's arguments, so no code compares words and no default can disagree with another.
/// </summary>
public enum Accel
{
    Kvm,
    Tcg,
}

public static class AccelWords
{
    /// <summary>As QEMU's <c>-accel</c>, the logs, the table and run.json spell it.</summary>
    public static string Word(this Accel accel) => accel switch
    {
        Accel.Kvm => "kvm",
        Accel.Tcg => "tcg",
        _ => throw new ArgumentOutOfRangeException(nameof(accel), accel, null),
    };
}
