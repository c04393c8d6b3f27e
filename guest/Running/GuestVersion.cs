namespace Guest.Running;

/// <summary>The guest's version as the info line shows it (the Version of Directory.Build.props).</summary>
internal static class GuestVersion
{
    public static string Value { get; } = typeof(GuestVersion).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
