using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Harness.Kernels;
using Harness.Records;

namespace Harness.Reports.Kcidb;

/// <summary>
/// A kernel's checkout and build as KCIDB has them, from its provenance: a Debian package (its
/// suite, package and version: Debian built it), or a build from source (a tree commit, the
/// patches as KCIDB's patchset hash, the fragment, the compiler, the build key). A kernel that
/// could not be had has no provenance; its build then carries no status, only the error.
/// </summary>
static class KcidbSources
{
    public static JsonObject Checkout(RunRecord run, KernelResult kernel, string id)
    {
        var origin = kernel.Provenance;
        var checkout = new JsonObject
        {
            ["id"] = id,
            ["origin"] = KcidbExporter.Origin,
            ["comment"] = KcidbExporter.Clean(kernel.Identity is { } identity ? $"{identity} ({kernel.Source})" : kernel.Source),
            // The run's start: the harness records no time of its own for fetching one kernel's source.
            ["start_time"] = Time(run.Started),
            ["origin_tests_finish_time"] = Time(run.Finished),
        };
        if (origin?.Debian is not null)
            checkout["tree_name"] = "debian";
        if (origin?.TreeCommit is { } commit && IsFullCommit(commit))
            checkout["git_commit_hash"] = commit;
        if (origin?.BuildKey is not null)
            checkout["patchset_hash"] = PatchsetHash(origin.PatchSha256s);
        if (origin is not null)
            checkout["valid"] = true;

        var misc = new JsonObject { ["source"] = KcidbExporter.Clean(kernel.Source) };
        if (origin?.Debian is { } debian)
        {
            misc["debian_package"] = KcidbExporter.Clean(debian.Package);
            misc["debian_version"] = KcidbExporter.Clean(debian.Version);
            misc["debian_suite"] = KcidbExporter.Clean(debian.Suite);
        }
        if (origin?.TreeCommit is { } treeCommit)
            misc["tree_commit"] = KcidbExporter.Clean(treeCommit);
        if (origin?.UncommittedChanges is { } changes)
            misc["uncommitted_changes_sha256"] = KcidbExporter.Clean(changes);
        if (origin is { PatchSha256s.Count: > 0 })
            misc["patch_sha256s"] = new JsonArray([.. origin.PatchSha256s.Select(p => (JsonNode)KcidbExporter.Clean(p))]);
        checkout["misc"] = misc;
        return checkout;
    }

    public static JsonObject Build(KernelResult kernel, string id, string checkoutId)
    {
        var origin = kernel.Provenance;
        var build = new JsonObject
        {
            ["id"] = id,
            ["checkout_id"] = checkoutId,
            ["origin"] = KcidbExporter.Origin,
            ["architecture"] = "x86_64",
            ["comment"] = KcidbExporter.Clean(kernel.Identity ?? kernel.Source),
        };
        if (origin?.Compiler is { } compiler)
            build["compiler"] = KcidbExporter.Clean(compiler);
        if (kernel.Timings.Build is { } made && (made.ColdBuildSeconds ?? (made.FromCache ? null : made.Seconds)) is { } seconds)
            build["duration"] = seconds;
        // An image the harness had (and booted, or tried to) was built; without one nothing says whether the build or the fetch failed.
        if (origin is not null || kernel.KernelRelease is not null)
            build["status"] = "PASS";
        else if (kernel.Error is { } error)
            build["log_excerpt"] = KcidbExporter.Clean(error);

        var misc = new JsonObject();
        if (origin?.BuildKey is { } key)
            misc["build_key"] = KcidbExporter.Clean(key);
        if (origin?.FragmentSha256 is { } fragment)
            misc["config_fragment_sha256"] = KcidbExporter.Clean(fragment);
        if (origin?.ImageSha256 is { } image)
            misc["image_sha256"] = KcidbExporter.Clean(image);
        if (kernel.Timings.Build is { } info)
            misc["from_cache"] = info.FromCache;
        if (misc.Count > 0)
            build["misc"] = misc;
        return build;
    }

    /// <summary>KCIDB's patchset hash: the SHA-256 of each patch's SHA-256 on a line of its own, in order; empty for no patches.</summary>
    public static string PatchsetHash(IReadOnlyList<string> patchSha256s) =>
        patchSha256s.Count == 0
            ? ""
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Concat(patchSha256s.Select(h => h + "\n")))));

    static bool IsFullCommit(string commit) => commit.Length == 40 && commit.All(char.IsAsciiHexDigitLower);

    static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
}
