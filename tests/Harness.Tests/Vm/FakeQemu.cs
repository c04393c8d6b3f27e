using CliWrap;
using CliWrap.Buffered;
using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>The fake QEMU built with the tests (tests/FakeQemu), and what a test needs around it.</summary>
static class FakeQemu
{
    public static string Path => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu");

    /// <summary>A request the fake plays in <paramref name="mode"/>, its files in <paramref name="directory"/>.</summary>
    public static VmRequest Request(string mode, string directory, TimeSpan bootTimeout, TimeSpan testTimeout) => new(
        KernelImagePath: "bzImage",
        InitramfsPath: "initramfs.cpio.gz",
        Cpus: 2,
        MemoryMiB: 256,
        Accel: Accel.Tcg,
        GuestArguments: ["fakeqemu.mode=" + mode],
        BootTimeout: bootTimeout,
        TestTimeout: testTimeout,
        ConsoleLogPath: System.IO.Path.Combine(directory, "console.log"),
        ResultsLogPath: System.IO.Path.Combine(directory, "results.log"));

    /// <summary>Processes whose command line mentions <paramref name="marker"/> (pgrep -f), besides pgrep itself.</summary>
    public static async Task<string> ProcessesMentioningAsync(string marker)
    {
        var result = await Cli.Wrap("pgrep")
            .WithArguments(args => args.Add("-a").Add("-f").Add(marker))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return result.StandardOutput.Trim();
    }
}
