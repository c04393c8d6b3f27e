namespace Harness.Running.Progress;

/// <summary>run's --progress: a live table, plain lines, or whichever suits the output (<see cref="ProgressModeChoice"/>).</summary>
public enum ProgressMode
{
    Auto,
    Live,
    Plain,
}
