using System.Diagnostics;
using System.Text;

// No namespace: a SetUpFixture outside every namespace wraps the whole test assembly.

/// <summary>
/// After the whole suite, no QEMU (real or fake) that a test started may still be running. Every
/// process a test starts inherits <see cref="SessionVariable"/>, so the check finds exactly those,
/// never a user's own VMs; any it finds is killed and the suite fails, naming them.
/// </summary>
[SetUpFixture]
public sealed class NoQemuLeftBehind
{
    const string SessionVariable = "HARNESS_TEST_SESSION";

    // /proc/<pid>/comm holds at most 15 characters: qemu-system-x86_64 shows as qemu-system-x86.
    static readonly string[] QemuNames = ["qemu-system-x86", "FakeQemu"];

    readonly string _session = Guid.NewGuid().ToString("N");

    [OneTimeSetUp]
    public void MarkChildren() => Environment.SetEnvironmentVariable(SessionVariable, _session);

    [OneTimeTearDown]
    public void NoQemuOfTheTestsRemains()
    {
        // Only for checking this check: leave a fake QEMU running on purpose (see tests/README.md).
        if (Environment.GetEnvironmentVariable("HARNESS_TEST_LEAVE_A_QEMU") == "1")
            Process.Start(new ProcessStartInfo(Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu")) { Environment = { ["FAKEQEMU_MODE"] = "hang" } });

        var left = QemusOfThisSession();
        foreach (var (pid, _) in left)
            TryKill(pid);
        Assert.That(left.Select(p => $"{p.Name} (pid {p.Pid})"), Is.Empty,
            "QEMU processes started by the tests were still running after the suite (now killed)");
    }

    List<(int Pid, string Name)> QemusOfThisSession()
    {
        var marker = Encoding.UTF8.GetBytes($"{SessionVariable}={_session}\0");
        var found = new List<(int, string)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var name = File.ReadAllText(Path.Combine(folder, "comm")).Trim();
                if (QemuNames.Contains(name) && File.ReadAllBytes(Path.Combine(folder, "environ")).AsSpan().IndexOf(marker) >= 0)
                    found.Add((pid, name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read, or is not ours to read: not one of ours.
            }
        }
        return found;
    }

    static void TryKill(int pid)
    {
        try
        {
            Process.GetProcessById(pid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
