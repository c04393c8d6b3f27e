using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class LddOutputTests
{
    // Recorded from `ldd guest` of a NativeAOT publish on Debian 12.
    private const string RecordedGuest =
        "\tlinux-vdso.so.1 (0x00007fee87d36000)\n" +
        "\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007fee87b45000)\n" +
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007fee87963000)\n" +
        "\t/lib64/ld-linux-x86-64.so.2 (0x00007fee87d38000)\n";

    [Test]
    public void The_libraries_and_the_interpreter_are_read_and_the_vdso_skipped()
    {
        var paths = LddOutput.ParseLibraryPaths(RecordedGuest);

        Assert.That(paths, Is.EqualTo(new[]
        {
            "/lib/x86_64-linux-gnu/libm.so.6",
            "/lib/x86_64-linux-gnu/libc.so.6",
            "/lib64/ld-linux-x86-64.so.2",
        }));
    }

    [Test]
    public void A_library_missing_on_the_host_is_an_error_that_names_it()
    {
        const string output = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibnuma.so.1 => not found\n";

        Assert.That(() => LddOutput.ParseLibraryPaths(output),
            Throws.TypeOf<GuestBuildException>().With.Message.Contains("libnuma.so.1"));
    }

    [Test]
    public void An_empty_output_gives_no_libraries()
    {
        Assert.That(LddOutput.ParseLibraryPaths(""), Is.Empty);
    }
}
