namespace Harness.Config;

/// <summary>
/// A kernels.yaml that cannot be used. The message is one line, <c>file:line:column: problem</c>
/// (or <c>file: problem</c> when the whole file is at fault), the shape editors and CI logs link to.
/// </summary>
public sealed class MatrixException(SourceLocation location, string problem)
    : Exception(OneLine($"{location}: {problem}"))
{
    public SourceLocation Location { get; } = location;

    // A message quoting the user's text (a block scalar, a YAML parser message) could span lines;
    // one line keeps the location in front of every problem when logs are grepped.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
