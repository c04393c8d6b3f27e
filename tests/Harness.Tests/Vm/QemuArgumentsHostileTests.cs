using Harness.Config;
using Harness.Kernels;
using Harness.Records;
using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>
/// Paths the user controls (a <c>path:</c> kernel, the results folder) reach QEMU as the values of
/// its options: each must be one argument, and none may start with '-' where QEMU reads an option.
/// </summary>
public class QemuArgumentsHostileTests
{
    // QEMU's options as the harness uses them, and whether each takes a value.
    static readonly Dictionary<string, bool> Options = new(StringComparer.Ordinal)
    {
        ["-M"] = true, ["-accel"] = true, ["-cpu"] = true, ["-smp"] = true, ["-m"] = true, ["-display"] = true,
        ["-monitor"] = true, ["-kernel"] = true, ["-initrd"] = true, ["-append"] = true, ["-serial"] = true,
        ["-object"] = true, ["-numa"] = true, ["-nodefaults"] = false, ["-no-reboot"] = false,
    };

    string _results = "";

    [SetUp]
    public void CreateResults() => _results = Directory.CreateTempSubdirectory("-rf $(touch PWNED) ").FullName;

    [TearDown]
    public void RemoveResults() => Directory.Delete(_results, recursive: true);

    [TestCase("-kernel")]
    [TestCase("--help")]
    [TestCase("-append console=ttyS0 init=/bin/sh")]
    [TestCase("../-x/$(touch PWNED); 'q' \"dq\".bzImage")]
    [TestCase("a,b=c:d")]
    public void A_hostile_kernel_path_is_one_value_and_never_an_option(string imagePath)
    {
        var folder = RunFolder.Create(Path.Combine(_results, "results"), DateTimeOffset.UnixEpoch);
        var kernel = Path.GetFullPath(imagePath, Path.GetFullPath("-matrix dir"));
        var request = new VmRequest(
            kernel, Path.Combine(_results, "-cache", "initramfs.cpio.gz"), 2, 256, Accel.Tcg, ["rseqh.seconds=1"],
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1),
            folder.KernelFile("k-1", "console.log").Absolute, folder.KernelFile("k-1", "ktap.log").Absolute, NumaNodes: 2);

        var args = QemuArguments.Build(request);

        for (var i = 0; i < args.Count; i++)
        {
            Assert.That(Options.ContainsKey(args[i]), Is.True, $"argument {i} '{args[i]}' stands where QEMU reads an option");
            if (!Options[args[i]])
                continue;
            i++;
            Assert.That(args[i], Does.Not.StartWith("-"), $"the value of {args[i - 1]}");
        }
        Assert.That(args, Has.Exactly(1).EqualTo(kernel));
        Assert.That(kernel, Does.StartWith("/"));
    }
}
