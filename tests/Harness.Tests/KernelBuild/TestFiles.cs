using System.Runtime.Versioning;
using Harness.Commands;

namespace Harness.Tests.KernelBuild;

/// <summary>Files of the checkout the kernel-build tests read: the shipped fragment, patches and recorded data.</summary>
[SupportedOSPlatform("linux")]
static class TestFiles
{
    static string Root => RepositoryLayout.Locate().Root;

    public static string Fragment => Path.Combine(Root, "configs", "rseq-guest.config");

    public static string DebugFragment => Path.Combine(Root, "configs", "rseq-guest-debug.config");

    public static string Patch510 => Path.Combine(Root, "patches", "5.10", "0001-revert-rseq-migrate-on-fork.patch");

    public static string Patch72 => Path.Combine(Root, "patches", "7.2", "0001-treat-every-registration-as-v2.patch");

    /// <summary>A .config made by tinyconfig, the fragment and olddefconfig on 5.10.223, as the builder made it.</summary>
    public static string RecordedConfig510 => Path.Combine(Root, "tests", "Harness.Tests", "KernelBuild", "Data", "rseq-guest-5.10.config");

    /// <summary>
    /// The same for 7.2.13: the fragment must survive on the oldest and the newest kernel we build.
    /// Partly set by hand (BUG, KALLSYMS, DEBUG_BUGVERBOSE; see the file's header) until a 7.2 build records it again.
    /// </summary>
    public static string RecordedConfig72 => Path.Combine(Root, "tests", "Harness.Tests", "KernelBuild", "Data", "rseq-guest-7.2.config");
}
