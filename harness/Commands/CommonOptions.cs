using System.CommandLine;
using Harness.Config;

namespace Harness.Commands;

/// <summary>The options several verbs take, spelled and described once.</summary>
public static class CommonOptions
{
    public static Option<string?> Matrix(string purpose = "run") =>
        new("--matrix", "-m") { Description = $"The kernels.yaml to {purpose} (default: kernels.yaml of the checkout)." };

    public static Option<string[]> Kernels() =>
        new("--kernel", "-k") { Description = "Run only the kernel of this name (repeatable).", AllowMultipleArgumentsPerToken = false };

    public static Option<AccelChoice?> Accel() =>
        new("--accel") { Description = "Override the matrix's accelerator: auto, kvm or tcg." };

    public static Option<string?> Cache() =>
        new("--cache") { Description = "Cache folder for kernels, kernel builds and guest images (default: $HARNESS_CACHE, else ~/.cache/rseq-harness)." };

    public static Option<string?> Results() =>
        new("--results") { Description = "Folder that receives the run folder (default: results/ of the checkout)." };

    public static Option<string?> Qemu() =>
        new("--qemu") { Description = "The qemu-system-x86_64 to use (default: the one on PATH)." };
}
