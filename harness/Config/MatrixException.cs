namespace Harness.Config;

/// <summary>A kernels.yaml that cannot be used; the message is one line naming file, line and column.</summary>
public sealed class MatrixException(SourceLocation location, string problem)
    : Exception($"{location}: {problem}")
{
    public SourceLocation Location { get; } = location;
    public string Problem { get; } = problem;
}
