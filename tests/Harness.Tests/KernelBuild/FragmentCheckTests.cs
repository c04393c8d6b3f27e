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

[SupportedOSPlatform("linux")]
public class FragmentCheckAnyOfTests
{
    static readonly ConfigFragment Fragment = ConfigFragment.Parse("""
        CONFIG_RSEQ=y
        # harness: any-of CONFIG_DEBUG_RSEQ CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE
        CONFIG_DEBUG_RSEQ=y
        CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y
        """);

    [Test]
    public void A_group_is_kept_when_one_member_survived_and_the_other_is_unknown_to_the_tree() =>
        Assert.That(FragmentCheck.Lost(Fragment, KconfigText.Values("CONFIG_RSEQ=y\nCONFIG_DEBUG_RSEQ=y\n")), Is.Empty);

    [Test]
    public void A_group_is_lost_when_no_member_survived_and_each_member_says_what_it_became()
    {
        var lost = FragmentCheck.Lost(Fragment, KconfigText.Values("CONFIG_RSEQ=y\n# CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE is not set\n"));

        Assert.That(lost, Is.EqualTo(new[] { "one of CONFIG_DEBUG_RSEQ=y (got nothing), CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y (got n)" }));
    }

    [Test]
    public void An_option_outside_the_group_is_still_checked_on_its_own() =>
        Assert.That(FragmentCheck.Lost(Fragment, KconfigText.Values("# CONFIG_RSEQ is not set\nCONFIG_DEBUG_RSEQ=y\n")),
            Is.EqualTo(new[] { "CONFIG_RSEQ=y (got n)" }));

    [Test]
    public void The_debug_fragment_survives_olddefconfig_on_5_10_through_DEBUG_RSEQ()
    {
        // olddefconfig on 5.10.223 with the debug fragment gave the recorded .config with this one
        // line changed; RSEQ_DEBUG_DEFAULT_ENABLE, unknown to 5.10, was dropped without a word.
        var config = KconfigText.Values(File.ReadAllText(TestFiles.RecordedConfig510)
            .Replace("# CONFIG_DEBUG_RSEQ is not set", "CONFIG_DEBUG_RSEQ=y"));
        var fragment = ConfigFragment.Parse(File.ReadAllText(TestFiles.DebugFragment));

        Assert.That(config.ContainsKey("CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE"), Is.False);
        Assert.That(FragmentCheck.Lost(fragment, config), Is.Empty);
    }

    [Test]
    public void The_debug_fragment_survives_on_7_2_through_RSEQ_DEBUG_DEFAULT_ENABLE_though_DEBUG_RSEQ_is_gone()
    {
        // 7.2's recorded .config offers RSEQ_DEBUG_DEFAULT_ENABLE ("is not set": its prompt is
        // visible, so a y holds) and has no DEBUG_RSEQ line at all: x86 has GENERIC_ENTRY, and
        // DEBUG_RSEQ depends on !GENERIC_ENTRY from 6.19 on.
        var recorded = File.ReadAllText(TestFiles.RecordedConfig72);
        var config = KconfigText.Values(recorded.Replace("# CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE is not set", "CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y"));
        var fragment = ConfigFragment.Parse(File.ReadAllText(TestFiles.DebugFragment));

        Assert.That(recorded, Does.Contain("# CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE is not set"));
        Assert.That(config.ContainsKey("CONFIG_DEBUG_RSEQ"), Is.False);
        Assert.That(FragmentCheck.Lost(fragment, config), Is.Empty);
    }
}
