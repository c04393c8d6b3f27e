namespace Harness.Prerequisites;

/// <summary>The host lacks something the harness needs; the message names the packages.</summary>
public sealed class PrerequisiteException(string message) : Exception(message);
