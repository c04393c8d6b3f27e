using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class KconfigTextTests
{
    [Test]
    public void Assignments_and_not_set_comments_are_read_and_other_lines_ignored()
    {
        const string text = """
            # Why this is here
            CONFIG_SMP=y
            CONFIG_NR_CPUS=8
            CONFIG_CMDLINE="console=ttyS0"
            # CONFIG_SWAP is not set

            #CONFIG_NOT_A_SETTING=y
            """;

        var options = KconfigText.Parse(text);

        Assert.That(options, Is.EqualTo(new ConfigOption[]
        {
            new("CONFIG_SMP", "y"),
            new("CONFIG_NR_CPUS", "8"),
            new("CONFIG_CMDLINE", "\"console=ttyS0\""),
            new("CONFIG_SWAP", ConfigOption.NotSet),
        }));
    }

    [Test]
    public void A_later_assignment_of_the_same_symbol_wins()
    {
        var values = KconfigText.Values("CONFIG_SMP=y\n# CONFIG_SMP is not set\n");

        Assert.That(values["CONFIG_SMP"], Is.EqualTo(ConfigOption.NotSet));
    }

    [Test]
    public void The_shipped_fragment_asks_for_rseq_smp_and_acpi()
    {
        var options = KconfigText.Parse(File.ReadAllText(TestFiles.Fragment));

        Assert.That(options, Does.Contain(new ConfigOption("CONFIG_RSEQ", "y")));
        Assert.That(options, Does.Contain(new ConfigOption("CONFIG_SMP", "y")));
        Assert.That(options, Does.Contain(new ConfigOption("CONFIG_ACPI", "y")));
        Assert.That(options, Does.Contain(new ConfigOption("CONFIG_NR_CPUS", "8")));
    }
}
