namespace Harness.Prerequisites;

/// <summary>
/// The host cannot support the run (no checkout to build the guest from, an unusable folder): exit
/// status 4 (the Commands' ExitCodes.Environment), the message one line saying what to fix.
/// </summary>
public sealed class EnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
