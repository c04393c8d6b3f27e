using System.Security.Cryptography;
using System.Text;

namespace Harness.Bisect;

/// <summary>
/// Everything that decides a step's outcome, so a repeated bisect replays it in seconds: the
/// commit's tree (its content, not its hash, so a rebased or amended commit with the same files is
/// the same), the config fragment, the patches, the compiler, the chosen scenarios, the harness
/// version, and the guest's settings (boots, vCPUs, the seconds cap, the depth and the stress multiple) since they decide how hard the kernel
/// was pushed. The accelerator is left out: KVM and TCG answer the same question, at different speed.
/// </summary>
public sealed record StepCacheKey(
    string TreeHash,
    byte[] Fragment,
    IReadOnlyList<byte[]> Patches,
    string Compiler,
    IReadOnlyList<string> Scenarios,
    string HarnessVersion,
    int Repeats,
    int Cpus,
    double GuestSeconds,
    string Depth = "Standard",
    double? StressMultiple = null)
{
    /// <summary>Bump when a step's verdict could change for the same inputs (the flaky rule, the judging).</summary>
    public const int FormatVersion = 1;

    public string Value
    {
        get
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Field(string label, byte[] value)
            {
                // Label and length first, so ("ab", "c") and ("a", "bc") cannot collide.
                hash.AppendData(Encoding.UTF8.GetBytes(label));
                hash.AppendData(BitConverter.GetBytes((long)value.Length));
                hash.AppendData(value);
            }
            void Text(string label, string value) => Field(label, Encoding.UTF8.GetBytes(value));

            Text("tree", TreeHash);
            Field("fragment", Fragment);
            foreach (var patch in Patches)
                Field("patch", patch);
            Text("compiler", Compiler);
            // The order scenarios are named in changes nothing the guest does to the verdict.
            foreach (var scenario in Scenarios.Order(StringComparer.Ordinal).Distinct())
                Text("scenario", scenario);
            Text("harness", HarnessVersion);
            Text("repeats", Repeats.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Text("cpus", Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Text("seconds", GuestSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            // How long each scenario stresses decides how likely a rare failure shows.
            Text("depth", Depth);
            Text("multiple", StressMultiple?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "depth's");
            Text("format", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }
}
