using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class FragmentCheckTests
{
    [TestCase("5.10")]
    [TestCase("7.2")]
    public void Every_option_of_the_shipped_fragment_survives_olddefconfig(string version)
    {
        var recorded = version == "5.10" ? TestFiles.RecordedConfig510 : TestFiles.RecordedConfig72;
        var fragment = KconfigText.Parse(File.ReadAllText(TestFiles.Fragment));

        var lost = FragmentCheck.Lost(fragment, KconfigText.Values(File.ReadAllText(recorded)));

        Assert.That(lost, Is.Empty);
    }

    [Test]
    public void An_option_that_olddefconfig_turned_off_is_reported_with_what_it_became()
    {
        var config = KconfigText.Values(File.ReadAllText(TestFiles.RecordedConfig510).Replace("CONFIG_NUMA=y", "# CONFIG_NUMA is not set"));
        var fragment = KconfigText.Parse(File.ReadAllText(TestFiles.Fragment));

        var lost = FragmentCheck.Lost(fragment, config);

        Assert.That(lost, Is.EqualTo(new[] { "CONFIG_NUMA=y (got n)" }));
    }

    [Test]
    public void An_option_the_kernel_does_not_know_is_reported_as_missing()
    {
        var config = KconfigText.Values("CONFIG_SMP=y\n");

        var lost = FragmentCheck.Lost([new("CONFIG_SMP", "y"), new("CONFIG_RENAMED_LONG_AGO", "y")], config);

        Assert.That(lost, Is.EqualTo(new[] { "CONFIG_RENAMED_LONG_AGO=y (got nothing)" }));
    }

    [Test]
    public void An_option_the_fragment_turns_off_may_be_absent()
    {
        var config = KconfigText.Values("CONFIG_SMP=y\n");

        var lost = FragmentCheck.Lost([new("CONFIG_SWAP", ConfigOption.NotSet)], config);

        Assert.That(lost, Is.Empty);
    }

    [Test]
    public void A_different_number_counts_as_lost()
    {
        var config = KconfigText.Values("CONFIG_NR_CPUS=64\n");

        var lost = FragmentCheck.Lost([new("CONFIG_NR_CPUS", "8")], config);

        Assert.That(lost, Is.EqualTo(new[] { "CONFIG_NR_CPUS=8 (got 64)" }));
    }
}
