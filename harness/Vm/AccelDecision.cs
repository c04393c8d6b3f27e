namespace Harness.Vm;

/// <summary>The accelerator every VM of a run uses ("kvm" or "tcg") and why it was chosen.</summary>
public sealed record AccelDecision(string Accel, string Reason)
{
    public const string Kvm = "kvm";
    public const string Tcg = "tcg";
}
