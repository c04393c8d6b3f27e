using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class ConfigMergeTests
{
    const string Base = """
        CONFIG_CC_OPTIMIZE_FOR_SIZE=y
        # CONFIG_SMP is not set
        CONFIG_NR_CPUS=1
        # CONFIG_PRINTK is not set
        """;

    [Test]
    public void Fragment_values_replace_the_base_lines_for_the_same_symbols()
    {
        var merged = KconfigText.Values(ConfigMerge.Merge(Base, [new("CONFIG_SMP", "y"), new("CONFIG_NR_CPUS", "8")]));

        Assert.That(merged["CONFIG_SMP"], Is.EqualTo("y"));
        Assert.That(merged["CONFIG_NR_CPUS"], Is.EqualTo("8"));
        Assert.That(merged["CONFIG_CC_OPTIMIZE_FOR_SIZE"], Is.EqualTo("y"));
    }

    [Test]
    public void Each_symbol_appears_once_so_kconfig_has_nothing_to_override()
    {
        var merged = ConfigMerge.Merge(Base, [new("CONFIG_SMP", "y"), new("CONFIG_RSEQ", "y")]);

        var names = KconfigText.Parse(merged).Select(o => o.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Does.Contain("CONFIG_RSEQ"));
    }

    [Test]
    public void A_fragment_can_turn_an_option_off()
    {
        var merged = ConfigMerge.Merge(Base, [new("CONFIG_CC_OPTIMIZE_FOR_SIZE", ConfigOption.NotSet)]);

        Assert.That(merged, Does.Contain("# CONFIG_CC_OPTIMIZE_FOR_SIZE is not set\n"));
        Assert.That(merged, Does.Not.Contain("CONFIG_CC_OPTIMIZE_FOR_SIZE=y"));
    }
}
