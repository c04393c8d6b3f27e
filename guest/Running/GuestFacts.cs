using Guest.Rseq;
using Guest.Scenarios;
using Protocol;

namespace Guest.Running;

/// <summary>The <c># info</c> lines: what the harness needs to know about this guest and kernel.</summary>
internal sealed class GuestFacts(Syscalls syscalls, RseqRegistrar registrar)
{
    /// <param name="depth">The depth asked for; with the multiple and the seconds (the cap) it says how hard the run looked.</param>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(ScenarioSettings settings, StressDepth depth) =>
    [
        new(InfoKeys.GuestVersion, GuestVersion.Value),
        new(InfoKeys.KernelRelease, KernelRelease()),
        new(InfoKeys.Cpus, Invariant(settings.Cpus)),
        new(InfoKeys.Seed, Invariant(settings.Seed)),
        new(InfoKeys.Seconds, Invariant(settings.Duration.TotalSeconds)),
        new(InfoKeys.Threads, Invariant(settings.Threads)),
        new(InfoKeys.Depth, StressDepthProfile.NameOf(depth)),
        new(InfoKeys.StressMultiple, Invariant(settings.StressMultiple)),
        new(InfoKeys.RseqFeatureSize, Invariant(syscalls.RseqFeatureSize())),
        new(InfoKeys.RseqRegistration, registrar.ForCurrentThread().Describe()),
    ];

    string KernelRelease()
    {
        const string ReleaseFile = "/proc/sys/kernel/osrelease";
        var release = syscalls.KernelRelease();
        if (release is not null)
            return release;
        return File.Exists(ReleaseFile) ? File.ReadAllText(ReleaseFile).Trim() : "unknown";
    }

    static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
