using System.Text.RegularExpressions;

namespace Harness.GuestImage;

/// <summary>Reads the library paths out of what glibc's <c>ldd</c> prints.</summary>
internal static partial class LddOutput
{
    /// <summary>
    /// Paths in the order ldd lists them. Understood lines:
    /// <c>libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)</c> (a library found by name) and
    /// <c>/lib64/ld-linux-x86-64.so.2 (0x…)</c> (the interpreter, named by its path in PT_INTERP).
    /// linux-vdso is skipped: the kernel maps it, there is no file.
    /// </summary>
    /// <exception cref="GuestBuildException">A library is "not found" on the host.</exception>
    public static IReadOnlyList<string> ParseLibraryPaths(string output)
    {
        var paths = new List<string>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            if (NotFound().Match(line) is { Success: true } missing)
                throw new GuestBuildException($"ldd: the guest needs {missing.Groups["name"].Value}, which the host lacks");
            if (ResolvedByName().Match(line) is { Success: true } resolved)
                paths.Add(resolved.Groups["path"].Value);
            else if (ByPath().Match(line) is { Success: true } direct)
                paths.Add(direct.Groups["path"].Value);
        }
        return paths;
    }

    [GeneratedRegex(@"^(?<name>\S+) => not found$")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"^\S+ => (?<path>/\S+) \(0x[0-9a-fA-F]+\)$")]
    private static partial Regex ResolvedByName();

    [GeneratedRegex(@"^(?<path>/\S+) \(0x[0-9a-fA-F]+\)$")]
    private static partial Regex ByPath();
}
