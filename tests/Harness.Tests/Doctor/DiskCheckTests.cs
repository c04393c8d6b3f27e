using Harness.Doctor;

namespace Harness.Tests.Doctor;

public class DiskCheckTests
{
    [TestCase(40L << 30, CheckStatus.Ok)]
    [TestCase(5L << 30, CheckStatus.Ok)]
    [TestCase((5L << 30) - 1, CheckStatus.Warn)]
    [TestCase(1L << 30, CheckStatus.Warn)]
    [TestCase((1L << 30) - 1, CheckStatus.Fail)]
    public void Free_space_is_ok_from_5_GiB_a_warning_below_and_a_failure_below_1_GiB(long free, CheckStatus expected)
    {
        Assert.That(DiskCheck.Judge("cache", "/cache", free).Status, Is.EqualTo(expected));
    }

    [Test]
    public void A_full_disk_is_an_environment_failure_with_a_fix_not_a_package()
    {
        var result = DiskCheck.Judge("results", "/results", 200L << 20);

        Assert.Multiple(() =>
        {
            Assert.That(result.Evidence, Is.EqualTo("/results, 200.0 MiB free"));
            Assert.That(result.IsMissingProgram, Is.False);
            Assert.That(result.Fix, Does.Contain("free space"));
        });
    }

    [Test]
    public void A_cache_not_created_yet_is_judged_by_the_folder_it_will_be_made_in()
    {
        var result = DiskCheck.Cache(Path.Combine(Path.GetTempPath(), $"no-such-cache-{Guid.NewGuid():N}", "deeper"));

        Assert.That(result.Evidence, Does.Contain("not created yet").And.Contain("free"));
    }
}
