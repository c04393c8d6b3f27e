using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class StaticBusyboxTests
{
    [Test]
    public void The_host_busybox_is_static()
    {
        Assert.That(ElfFile.HasInterpreter(StaticBusybox.Load()), Is.False);
    }

    [Test]
    public void A_dynamically_linked_program_is_refused_with_the_package_to_install()
    {
        Assert.That(() => StaticBusybox.Load("/bin/true"),
            Throws.TypeOf<GuestBuildException>().With.Message.Contains("busybox-static"));
    }

    [Test]
    public void A_missing_file_is_refused_with_its_path()
    {
        Assert.That(() => StaticBusybox.Load("/nonexistent/busybox"),
            Throws.TypeOf<GuestBuildException>().With.Message.Contains("/nonexistent/busybox"));
    }

    [Test]
    public void A_file_that_is_not_elf_is_refused()
    {
        Assert.That(() => ElfFile.HasInterpreter("#!/bin/sh\n"u8.ToArray().Concat(new byte[64]).ToArray()),
            Throws.TypeOf<GuestBuildException>());
    }
}
