using Harness.Kernels;
using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class ArchiveMirrorTests
{
    [Test]
    public void The_security_archive_is_passed_over_for_the_main_one()
    {
        var entries = OneLineSourcesParser.Parse("""
            deb http://security.mirror.invalid/debian-security bookworm-security main
            deb http://mirror.invalid/debian/ bookworm main
            """);

        Assert.That(ArchiveMirror.Choose(entries), Is.EqualTo(new ArchiveMirror("http://mirror.invalid/debian")));
    }

    [Test]
    public void Source_only_and_third_party_entries_are_passed_over()
    {
        var entries = OneLineSourcesParser.Parse("""
            deb-src http://src.mirror.invalid/debian bookworm main
            deb [signed-by=/etc/apt/keyrings/docker.gpg] http://docker.invalid/linux/debian bookworm stable
            deb [signed-by=/usr/share/keyrings/nodesource.gpg] http://node.invalid/node_20.x nodistro main
            deb http://mirror.invalid/debian bookworm main
            """);

        Assert.That(ArchiveMirror.Choose(entries)?.Uri, Is.EqualTo("http://mirror.invalid/debian"));
    }

    [Test]
    public void No_debian_entry_means_no_mirror()
    {
        var entries = OneLineSourcesParser.Parse("deb http://security.mirror.invalid/debian-security bookworm-security main");

        Assert.That(ArchiveMirror.Choose(entries), Is.Null);
    }

    [Test]
    public void The_host_files_are_read_sources_list_first_then_the_parts()
    {
        var etcApt = Directory.CreateTempSubdirectory("etc-apt-");
        try
        {
            Directory.CreateDirectory(Path.Combine(etcApt.FullName, "sources.list.d"));
            File.WriteAllText(Path.Combine(etcApt.FullName, "sources.list"), "# nothing here\n");
            File.WriteAllText(Path.Combine(etcApt.FullName, "sources.list.d", "debian.sources"), """
                Types: deb
                URIs: http://mirror.invalid/debian
                Suites: bookworm
                Components: main
                """);
            File.WriteAllText(Path.Combine(etcApt.FullName, "sources.list.d", "other.list.disabled"),
                "deb http://elsewhere.invalid/debian bookworm main\n");

            Assert.That(ArchiveMirror.FromHost(etcApt.FullName).Uri, Is.EqualTo("http://mirror.invalid/debian"));
        }
        finally
        {
            etcApt.Delete(recursive: true);
        }
    }

    [Test]
    public void A_host_without_sources_gives_a_one_line_error()
    {
        var etcApt = Directory.CreateTempSubdirectory("etc-apt-");
        try
        {
            var error = Assert.Throws<KernelAcquisitionException>(() => ArchiveMirror.FromHost(etcApt.FullName));

            Assert.That(error.Message, Does.StartWith("no Debian archive mirror found").And.Not.Contain('\n'));
        }
        finally
        {
            etcApt.Delete(recursive: true);
        }
    }
}
