namespace Harness.Config;

/// <summary>
/// A place in a file, for error messages (1-based line and column). Line and column are 0 when the
/// problem concerns the whole file (it is missing or unreadable); then only the path is shown.
/// </summary>
public sealed record SourceLocation(string FilePath, int Line, int Column)
{
    /// <summary>The file as a whole, for problems that have no position in it.</summary>
    public static SourceLocation WholeFile(string filePath) => new(filePath, 0, 0);

    public bool HasPosition => Line > 0;

    public override string ToString() => HasPosition ? $"{FilePath}:{Line}:{Column}" : FilePath;
}
