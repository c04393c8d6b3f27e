using Harness.Processes;

namespace Harness.Prerequisites;

/// <summary>
/// Installs missing packages with the host's own apt, as a user would. Without root it installs
/// nothing and says which packages to install, rather than half-trying with sudo.
/// </summary>
public sealed class AptInstaller(Action<string> log)
{
    public async Task EnsureAsync(IReadOnlyList<Requirement> requirements, CancellationToken cancellationToken)
    {
        var missing = PathSearch.Missing(requirements);
        if (missing.Count == 0)
            return;
        var packages = missing.Select(r => r.Package).Distinct().ToList();
        var list = string.Join(" ", packages);
        if (!IsRoot())
            throw new PrerequisiteException($"missing {string.Join(", ", missing.Select(r => r.Command))}: install them with 'sudo apt-get install {list}'");

        log($"installing {list} with apt-get");
        await AptGetAsync(["update", "-qq"], cancellationToken);
        await AptGetAsync(["install", "-y", "-qq", "--no-install-recommends", .. packages], cancellationToken);

        var stillMissing = PathSearch.Missing(requirements);
        if (stillMissing.Count > 0)
            throw new PrerequisiteException($"apt-get installed {list} but {string.Join(", ", stillMissing.Select(r => r.Command))} is still missing");
    }

    static readonly IReadOnlyDictionary<string, string?> NonInteractive = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };

    static async Task AptGetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await Tool.RunAsync(new ToolCommand("apt-get", arguments, Environment: NonInteractive), cancellationToken);
        if (result.ExitCode != 0)
            throw new PrerequisiteException($"apt-get {arguments[0]} failed with status {result.ExitCode}: {result.LineThatMatters}");
    }

    static bool IsRoot() => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
}
