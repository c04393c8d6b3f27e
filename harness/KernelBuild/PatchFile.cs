namespace Harness.KernelBuild;

/// <summary>A patch as read when the build started: its bytes are what the cache key and the tree record.</summary>
public sealed record PatchFile(string Path, byte[] Bytes)
{
    /// <summary>
    /// The files a -p1 patch writes, from its "+++ b/…" lines. Those are the hard links to break before
    /// patching, so the change cannot reach the pristine copy through a shared inode.
    /// </summary>
    public IReadOnlyList<string> TargetFiles()
    {
        var text = System.Text.Encoding.UTF8.GetString(Bytes);
        var targets = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("+++ ", StringComparison.Ordinal))
                continue;
            var name = line[4..].Split('\t')[0].Trim();
            var slash = name.IndexOf('/');
            if (name == "/dev/null" || slash < 0)
                continue;
            targets.Add(name[(slash + 1)..]);
        }
        return targets.Distinct().ToList();
    }
}
