using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class ConfigFragmentTests
{
    [Test]
    public void An_any_of_line_groups_the_symbols_it_names_and_Kconfig_lines_stay_options()
    {
        var fragment = ConfigFragment.Parse("""
            CONFIG_RSEQ=y
            # harness: any-of CONFIG_DEBUG_RSEQ CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE
            CONFIG_DEBUG_RSEQ=y
            CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y
            """);

        Assert.That(fragment.Options.Select(o => o.Name),
            Is.EqualTo(new[] { "CONFIG_RSEQ", "CONFIG_DEBUG_RSEQ", "CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE" }));
        Assert.That(fragment.AnyOf, Is.EqualTo(new[] { new[] { "CONFIG_DEBUG_RSEQ", "CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE" } }));
    }

    [Test]
    public void An_any_of_line_naming_a_symbol_the_fragment_does_not_set_is_an_error()
    {
        // A misspelt name would otherwise exempt the real option from the survival check.
        var error = Assert.Throws<FormatException>(() => ConfigFragment.Parse("""
            # harness: any-of CONFIG_DEBUG_RSEQ CONFIG_RSEQ_DEBUG_DEFAULT_ENABEL
            CONFIG_DEBUG_RSEQ=y
            CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y
            """));

        Assert.That(error.Message, Does.Contain("CONFIG_RSEQ_DEBUG_DEFAULT_ENABEL, which the fragment does not set"));
    }

    [TestCase("# harness: anyof CONFIG_A CONFIG_B")]
    [TestCase("# harness: any-of CONFIG_A")]
    public void A_harness_line_that_is_no_any_of_of_two_symbols_is_an_error(string line) =>
        Assert.Throws<FormatException>(() => ConfigFragment.Parse(line + "\nCONFIG_A=y\nCONFIG_B=y\n"));

    [Test]
    public void The_shipped_fragment_has_no_groups() =>
        Assert.That(ConfigFragment.Parse(File.ReadAllText(TestFiles.Fragment)).AnyOf, Is.Empty);

    [Test]
    public void The_debug_fragment_is_the_shipped_fragment_plus_the_two_rseq_debug_switches_as_one_group()
    {
        var normal = ConfigFragment.Parse(File.ReadAllText(TestFiles.Fragment));
        var debug = ConfigFragment.Parse(File.ReadAllText(TestFiles.DebugFragment));

        Assert.That(debug.Options, Is.EqualTo(normal.Options.Concat([
            new ConfigOption("CONFIG_DEBUG_RSEQ", "y"),
            new ConfigOption("CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE", "y"),
        ])));
        Assert.That(debug.AnyOf, Is.EqualTo(new[] { new[] { "CONFIG_DEBUG_RSEQ", "CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE" } }));
    }
}
