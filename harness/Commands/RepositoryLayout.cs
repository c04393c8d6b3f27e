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
    public string DefaultCache => Path.Combine(Root, "cache");
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
        throw new InvalidOperationException("cannot find the harness checkout (no Harness.sln above the working directory)");
    }
}
