namespace Harness.Config;

/// <summary>A place in a file, for error messages (1-based line and column).</summary>
public sealed record SourceLocation(string FilePath, int Line, int Column)
{
    public override string ToString() => $"{FilePath}:{Line}:{Column}";
}
