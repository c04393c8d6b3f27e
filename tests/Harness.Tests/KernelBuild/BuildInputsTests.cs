using System.Runtime.Versioning;
using System.Text;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
public class BuildInputsTests
{
    static readonly BuildInputs Reference = new(
        "linux-source-5.10=5.10.223-1",
        Encoding.UTF8.GetBytes("CONFIG_SMP=y\n"),
        [Encoding.UTF8.GetBytes("patch one"), Encoding.UTF8.GetBytes("patch two")],
        "gcc (Debian 12.2.0-14) 12.2.0");

    static IEnumerable<TestCaseData> EachInputChanged()
    {
        yield return new TestCaseData(Reference with { SourceIdentity = "linux-source-5.10=5.10.224-1" }).SetArgDisplayNames("source");
        yield return new TestCaseData(Reference with { Fragment = Encoding.UTF8.GetBytes("CONFIG_SMP=n\n") }).SetArgDisplayNames("fragment");
        yield return new TestCaseData(Reference with { Patches = [Encoding.UTF8.GetBytes("patch one")] }).SetArgDisplayNames("one patch fewer");
        yield return new TestCaseData(Reference with { Patches = [Encoding.UTF8.GetBytes("patch one"), Encoding.UTF8.GetBytes("patch 2")] }).SetArgDisplayNames("a patch's bytes");
        yield return new TestCaseData(Reference with { Patches = [Encoding.UTF8.GetBytes("patch two"), Encoding.UTF8.GetBytes("patch one")] }).SetArgDisplayNames("patch order");
        yield return new TestCaseData(Reference with { Compiler = "gcc (Debian 14.2.0-19) 14.2.0" }).SetArgDisplayNames("compiler");
    }

    [TestCaseSource(nameof(EachInputChanged))]
    public void Changing_any_input_changes_the_image_key(BuildInputs changed)
    {
        Assert.That(changed.ImageKey, Is.Not.EqualTo(Reference.ImageKey));
    }

    [Test]
    public void The_same_inputs_give_the_same_keys()
    {
        var copy = new BuildInputs(
            "linux-source-5.10=5.10.223-1",
            Encoding.UTF8.GetBytes("CONFIG_SMP=y\n"),
            [Encoding.UTF8.GetBytes("patch one"), Encoding.UTF8.GetBytes("patch two")],
            "gcc (Debian 12.2.0-14) 12.2.0");

        Assert.That(copy.ImageKey, Is.EqualTo(Reference.ImageKey));
        Assert.That(copy.TreeKey, Is.EqualTo(Reference.TreeKey));
        Assert.That(copy.SourceKey, Is.EqualTo(Reference.SourceKey));
    }

    [Test]
    public void Patches_and_compiler_do_not_change_the_tree_so_a_new_patch_set_rebuilds_incrementally()
    {
        var other = Reference with { Patches = [], Compiler = "clang 19" };

        Assert.That(other.TreeKey, Is.EqualTo(Reference.TreeKey));
        Assert.That(other.ImageKey, Is.Not.EqualTo(Reference.ImageKey));
    }

    [Test]
    public void A_new_fragment_gets_a_new_tree_but_shares_the_pristine_source()
    {
        var other = Reference with { Fragment = Encoding.UTF8.GetBytes("CONFIG_SMP=y\nCONFIG_NUMA=y\n") };

        Assert.That(other.TreeKey, Is.Not.EqualTo(Reference.TreeKey));
        Assert.That(other.SourceKey, Is.EqualTo(Reference.SourceKey));
    }

    [Test]
    public void Moving_bytes_between_fields_changes_the_key()
    {
        var shifted = Reference with { Patches = [Encoding.UTF8.GetBytes("patch onepatch two")] };

        Assert.That(shifted.ImageKey, Is.Not.EqualTo(Reference.ImageKey));
    }
}
