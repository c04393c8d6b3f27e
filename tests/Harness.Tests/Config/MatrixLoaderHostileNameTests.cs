namespace Harness.Tests.Config;

/// <summary>Kernel names become file names in the run folder: anything but the narrow alphabet is refused where it is written.</summary>
public class MatrixLoaderHostileNameTests
{
    [TestCase("my kernel")]
    [TestCase("it's")]
    [TestCase("a\"b")]
    [TestCase("a;b")]
    [TestCase("$(touch PWNED)")]
    [TestCase("`id`")]
    [TestCase("..")]
    [TestCase("../../etc")]
    [TestCase("a/b")]
    [TestCase("-rf")]
    [TestCase(".hidden")]
    [TestCase("Bookworm")]
    [TestCase("é")]
    public void A_name_outside_the_allowed_characters_is_refused_at_its_position_with_the_allowed_set(string name)
    {
        var quoted = "'" + name.Replace("'", "''") + "'";

        var error = MatrixErrors.Of($"kernels:\n  - name: {quoted}\n    source: {{ path: bzImage }}\n");

        MatrixErrors.AssertAt(error, 2, 11, "must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    [Test]
    public void A_name_longer_than_64_characters_is_refused()
    {
        var error = MatrixErrors.Of($"kernels:\n  - name: {new string('a', 65)}\n    source: {{ path: bzImage }}\n");

        MatrixErrors.AssertAt(error, 2, 11, "at most 64 characters");
    }
}
