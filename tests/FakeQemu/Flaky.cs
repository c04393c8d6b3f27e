namespace FakeQemu;

/// <summary>
/// A kernel whose verdict alternates from one boot to the next, as a flaky one's would: each boot
/// counts itself in the file FAKEQEMU_COUNTER names (one process per boot remembers nothing else).
/// </summary>
static class Flaky
{
    public const string CounterVariable = "FAKEQEMU_COUNTER";

    /// <summary>True for the 1st, 3rd, 5th … boot, false for the others; null when no counter file is named.</summary>
    public static bool? NextBootFails()
    {
        if (Environment.GetEnvironmentVariable(CounterVariable) is not { Length: > 0 } path)
            return null;
        var boots = File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var earlier) ? earlier : 0;
        File.WriteAllText(path, $"{boots + 1}\n");
        return boots % 2 == 0;
    }
}
