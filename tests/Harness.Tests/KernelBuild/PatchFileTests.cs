using System.Runtime.Versioning;
using System.Text;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class PatchFileTests
{
    [Test]
    public void The_files_a_patch_writes_come_from_its_plus_lines_without_the_first_component()
    {
        const string text = """
            Subject: a header line that mentions --- and +++ in passing

            --- a/kernel/sched/core.c
            +++ b/kernel/sched/core.c	2024-01-01 00:00:00
            @@ -1 +1 @@
            -old
            +new
            --- /dev/null
            +++ b/include/linux/new.h
            @@ -0,0 +1 @@
            +new file
            --- a/old.txt
            +++ /dev/null
            """;

        var targets = new PatchFile("x.patch", Encoding.UTF8.GetBytes(text)).TargetFiles();

        Assert.That(targets, Is.EqualTo(new[] { "kernel/sched/core.c", "include/linux/new.h" }));
    }

    [Test]
    public void The_shipped_patches_each_change_the_one_file_they_are_about()
    {
        var revert = new PatchFile(TestFiles.Patch510, File.ReadAllBytes(TestFiles.Patch510));
        var v2 = new PatchFile(TestFiles.Patch72, File.ReadAllBytes(TestFiles.Patch72));

        Assert.That(revert.TargetFiles(), Is.EqualTo(new[] { "kernel/sched/core.c" }));
        Assert.That(v2.TargetFiles(), Is.EqualTo(new[] { "include/linux/rseq.h" }));
    }
}
