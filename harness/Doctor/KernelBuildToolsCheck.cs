using Harness.Config;
using Harness.Prerequisites;

namespace Harness.Doctor;

/// <summary>The kernel build tools, needed only when the matrix has kernels built from source.</summary>
public static class KernelBuildToolsCheck
{
    public const string Name = "build-tools";

    /// <param name="pathVariable">The PATH to search (default: the process's own).</param>
    public static CheckResult Run(Matrix matrix, string? pathVariable = null)
    {
        var built = matrix.Kernels.Where(k => k.Source is BuildKernelSource).Select(k => k.Name).ToList();
        if (built.Count == 0)
            return CheckResult.Ok(Name, "not needed: no kernel of the matrix is built from source");
        var missing = PathSearch.Missing(Requirements.ForKernelBuild, pathVariable);
        if (missing.Count > 0)
            return CheckResult.Missing(Name,
                $"missing {string.Join(", ", missing.Select(r => r.Command))}, needed to build {Kernels(built)}",
                [.. missing.Select(r => r.Package).Distinct()]);
        return CheckResult.Ok(Name, $"{string.Join(", ", Requirements.ForKernelBuild.Select(r => r.Package).Distinct())} present, for {Kernels(built)}");
    }

    static string Kernels(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : $"{names.Count} kernels ({string.Join(", ", names)})";
}
