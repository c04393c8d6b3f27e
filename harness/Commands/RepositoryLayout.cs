using Harness.Prerequisites;

namespace Harness.Commands;

/// <summary>
/// Where the repository's parts are. The harness builds the guest from source and keeps its cache
/// and results beside it, so it finds the checkout from the working directory (or, failing that,
/// from where its own binary lives).
/// </summary>
public sealed record RepositoryLayout(string Root)
{
    public string GuestProject => Path.Combine(Root, "guest", "Guest.csproj");
    public string DefaultMatrix => Path.Combine(Root, "kernels.yaml");
    /// <summary>
    /// Kernels, builds and guest images outlive a checkout (a new clone, a bisect work tree), so
    /// the cache is per user, like ccache's: $HARNESS_CACHE, else $XDG_CACHE_HOME/rseq-harness,
    /// else ~/.cache/rseq-harness.
    /// </summary>
    public static string DefaultCache =>
        Environment.GetEnvironmentVariable("HARNESS_CACHE") is { Length: > 0 } explicitCache ? explicitCache
        : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "rseq-harness")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rseq-harness");
    public string DefaultResults => Path.Combine(Root, "results");

    public static RepositoryLayout Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
                    return new RepositoryLayout(folder.FullName);
            }
        }
        throw new EnvironmentException("cannot find the harness checkout (no Harness.sln above the working directory or the harness binary)");
    }
}
