using Guest.Topology;

namespace Guest.Tests.Topology;

public class CpuListTests
{
    [Test]
    public void Ranges_and_single_cpus_are_expanded_in_order()
    {
        Assert.That(CpuList.Parse("0-2,5,7-8\n"), Is.EqualTo(new[] { 0, 1, 2, 5, 7, 8 }));
    }

    [Test]
    public void An_empty_list_is_a_node_without_cpus()
    {
        Assert.That(CpuList.Parse("\n"), Is.Empty);
    }

    [Test]
    public void A_word_that_is_not_a_cpu_number_is_a_format_error_naming_the_list()
    {
        Assert.That(() => CpuList.Parse("0-x"), Throws.TypeOf<FormatException>().With.Message.Contains("0-x"));
    }

    [Test]
    public void A_descending_range_is_a_format_error()
    {
        Assert.That(() => CpuList.Parse("3-1"), Throws.TypeOf<FormatException>());
    }
}
