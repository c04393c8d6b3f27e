namespace Protocol;

/// <summary>A scenario's verdict, in KCIDB's words.</summary>
public enum ScenarioVerdict
{
    Pass,
    Fail,
    Error,
    Skip,
}
