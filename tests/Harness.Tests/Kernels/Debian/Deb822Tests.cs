using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class Deb822Tests
{
    [Test]
    public void Stanzas_split_at_blank_lines_skip_comments_and_join_continuation_lines()
    {
        var stanzas = Deb822.Stanzas("Package: a\n# a comment\nDescription: one\n two\n\n\nPackage: b\n").ToList();

        Assert.That(stanzas, Has.Count.EqualTo(2));
        Assert.That(stanzas[0]["description"], Is.EqualTo("one\ntwo"));
        Assert.That(stanzas[1]["Package"], Is.EqualTo("b"));
    }

    [Test]
    public void A_repeated_key_keeps_its_first_value_and_its_continuation_goes_nowhere()
    {
        var stanza = Deb822.Stanzas("Version: 1\nVersion: 2\n more\n").Single();

        Assert.That(stanza["Version"], Is.EqualTo("1"));
    }
}
