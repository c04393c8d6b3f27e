namespace Harness.Vm;

/// <summary>A line of the console log that shows a kernel bug.</summary>
public sealed record ConsoleFinding(ConsoleFindingKind Kind, int LineNumber, string Line);

public enum ConsoleFindingKind
{
    Panic,
    Oops,
    Bug,
    Warning,
    Lockup,
}
