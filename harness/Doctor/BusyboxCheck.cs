using Harness.GuestImage;
using Harness.Prerequisites;

namespace Harness.Doctor;

/// <summary>The static busybox that becomes the guest's /init shell: a dynamically linked one cannot run in the guest.</summary>
public static class BusyboxCheck
{
    public const string Name = "busybox";
    public const string Command = "busybox";
    const string Package = "busybox-static";

    public static async Task<CheckResult> RunAsync(CancellationToken ct)
    {
        try
        {
            StaticBusybox.Load();
        }
        catch (GuestBuildException e)
        {
            return CheckResult.Missing(Name, e.Message, Package);
        }
        // The run's prerequisites look for busybox on PATH too.
        if (PathSearch.Find(Command) is null)
            return CheckResult.Missing(Name, $"{Command} is not on PATH", Package);
        var version = await ToolOutput.FirstLineAsync(StaticBusybox.DefaultPath, [], ct);
        return CheckResult.Ok(Name, $"{StaticBusybox.DefaultPath}, statically linked: {version ?? "no version line"}");
    }
}
