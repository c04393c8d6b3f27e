using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class Deb822SourcesParserTests
{
    private const string HostFile = """
        Types: deb
        # http://mirror.invalid/archive/debian/20250520T000000Z
        URIs: http://mirror.invalid/debian
        Suites: bookworm bookworm-updates
        Components: main contrib
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        Types: deb
        URIs: http://mirror.invalid/debian-security
        Suites: bookworm-security
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
        """;

    [Test]
    public void Each_stanza_becomes_an_entry_even_with_a_comment_inside()
    {
        var entries = Deb822SourcesParser.Parse(HostFile);

        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.That(entries[0].Uris, Is.EqualTo(new[] { "http://mirror.invalid/debian" }));
        Assert.That(entries[0].Suites, Is.EqualTo(new[] { "bookworm", "bookworm-updates" }));
        Assert.That(entries[0].Components, Is.EqualTo(new[] { "main", "contrib" }));
        Assert.That(entries[0].SignedBy, Is.EqualTo("/usr/share/keyrings/debian-archive-keyring.gpg"));
        Assert.That(entries[1].Uris, Is.EqualTo(new[] { "http://mirror.invalid/debian-security" }));
    }

    [Test]
    public void A_disabled_stanza_is_left_out()
    {
        var entries = Deb822SourcesParser.Parse("""
            Enabled: no
            Types: deb
            URIs: http://mirror.invalid/debian
            Suites: sid
            Components: main
            """);

        Assert.That(entries, Is.Empty);
    }

    [Test]
    public void An_inline_key_is_not_taken_for_a_keyring_path()
    {
        var entries = Deb822SourcesParser.Parse("""
            Types: deb
            URIs: http://mirror.invalid/debian
            Suites: sid
            Components: main
            Signed-By:
             -----BEGIN PGP PUBLIC KEY BLOCK-----
             .
             mQINBGPL0BUBEADmW5NdOOHwPIJlgPu6JDcKw/NZJPR8lsD3K87ZM18gzyQZJD+w
             -----END PGP PUBLIC KEY BLOCK-----
            """);

        Assert.That(entries.Single().SignedBy, Is.Null);
        Assert.That(entries.Single().Components, Is.EqualTo(new[] { "main" }));
    }
}
