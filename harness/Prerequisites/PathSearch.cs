namespace Harness.Prerequisites;

/// <summary>Finds a command on PATH, as the shell would.</summary>
public static class PathSearch
{
    public static string? Find(string command, string? pathVariable = null)
    {
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        // Debian keeps some admin tools in sbin, which a non-login root shell may lack on PATH.
        var folders = pathVariable.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin"]);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, command);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0)
                return candidate;
        }
        return null;
    }

    public static IReadOnlyList<Requirement> Missing(IEnumerable<Requirement> requirements) =>
        requirements.Where(r => Find(r.Command) is null).ToList();
}
