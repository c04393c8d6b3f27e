using System.Reflection;

namespace Harness.Running;

/// <summary>The harness's version, as recorded in run.json.</summary>
public static class HarnessVersion
{
    public static string Current { get; } =
        typeof(HarnessVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
