using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class OneLineSourcesParserTests
{
    [Test]
    public void A_plain_line_gives_uri_suite_and_components()
    {
        var entry = OneLineSourcesParser.Parse("deb http://mirror.invalid/debian bookworm main non-free-firmware\n").Single();

        Assert.That(entry.Types, Is.EqualTo(new[] { "deb" }));
        Assert.That(entry.Uris, Is.EqualTo(new[] { "http://mirror.invalid/debian" }));
        Assert.That(entry.Suites, Is.EqualTo(new[] { "bookworm" }));
        Assert.That(entry.Components, Is.EqualTo(new[] { "main", "non-free-firmware" }));
        Assert.That(entry.SignedBy, Is.Null);
    }

    [Test]
    public void Options_in_brackets_are_skipped_and_signed_by_is_kept()
    {
        var entry = OneLineSourcesParser.Parse(
            "deb [ arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg ] http://mirror.invalid/debian sid main").Single();

        Assert.That(entry.Uris, Is.EqualTo(new[] { "http://mirror.invalid/debian" }));
        Assert.That(entry.Suites, Is.EqualTo(new[] { "sid" }));
        Assert.That(entry.SignedBy, Is.EqualTo("/usr/share/keyrings/debian-archive-keyring.gpg"));
    }

    [Test]
    public void Comments_and_blank_lines_are_ignored()
    {
        var entries = OneLineSourcesParser.Parse("""
            # deb http://mirror.invalid/debian buster main

            deb-src http://mirror.invalid/debian bookworm main # sources too
            """);

        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0].Types, Is.EqualTo(new[] { "deb-src" }));
        Assert.That(entries[0].Components, Is.EqualTo(new[] { "main" }));
    }
}
