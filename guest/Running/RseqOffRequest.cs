namespace Guest.Running;

/// <summary>
/// One piece of work for the <see cref="RseqOffChild"/>: the guest's own argument words (as a copy
/// of the guest started with them would get) on one line of its standard input, and the line that
/// ends the child's answer on its standard output.
/// </summary>
internal static class RseqOffRequest
{
    const char Separator = '\t';

    /// <summary>Ends an answer. No KTAP line starts so: KTAP diagnostics are "# name: …".</summary>
    public const string AnswerEnd = "# rseq-off request done";

    public static string Format(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Contains(Separator) || argument.Contains('\n') || argument.Contains('\r'))
                throw new ArgumentException($"argument '{argument}' holds a tab or a line break", nameof(arguments));
        }
        return string.Join(Separator, arguments);
    }

    public static IReadOnlyList<string> Parse(string line) =>
        line.Length == 0 ? [] : line.Split(Separator);
}
