namespace Protocol;

/// <summary>Keys of the guest's <c># info key=value</c> lines.</summary>
public static class InfoKeys
{
    public const string GuestVersion = "guest_version";
    public const string KernelRelease = "uname";
    public const string Cpus = "cpus";
    public const string Seed = "seed";
    public const string Seconds = "seconds";
    public const string RseqFeatureSize = "rseq_feature_size";
    public const string Threads = "threads";

    /// <summary>The depth the guest ran at: quick, standard or deep.</summary>
    public const string Depth = "depth";

    /// <summary>The multiple of each scenario's minimum stress the scenarios aimed for.</summary>
    public const string StressMultiple = "stress_multiple";

    /// <summary>Who registered the guest's rseq area: glibc, guest (its own), or none (with why).</summary>
    public const string RseqRegistration = "rseq_registration";
}
