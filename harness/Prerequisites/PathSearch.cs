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

    /// <summary>The file a program name stands for: a path (one with a '/') made absolute, a bare name looked up as <see cref="Find"/> does; null when not found.</summary>
    public static string? Resolve(string program) =>
        program.Contains('/') ? Path.GetFullPath(program) : Find(program);

    /// <summary>
    /// The requirements not met. An absolute path stands for a file that is not a command (a library's
    /// header) and only has to exist.
    /// </summary>
    /// <param name="pathVariable">The PATH to search (default: the process's own).</param>
    public static IReadOnlyList<Requirement> Missing(IEnumerable<Requirement> requirements, string? pathVariable = null) =>
        requirements.Where(r => Path.IsPathRooted(r.Command) ? !File.Exists(r.Command) : Find(r.Command, pathVariable) is null).ToList();
}
