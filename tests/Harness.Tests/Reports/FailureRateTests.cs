using Harness.Reports;

namespace Harness.Tests.Reports;

public class FailureRateTests
{
    // Reference values of the Wilson score interval (z = 1.96), as statistics texts tabulate them.
    [TestCase(0, 10, 0.0, 0.2775)]
    [TestCase(10, 10, 0.7225, 1.0)]
    [TestCase(3, 10, 0.1078, 0.6032)]
    [TestCase(1, 100, 0.0018, 0.0545)]
    [TestCase(50, 100, 0.4038, 0.5962)]
    public void The_interval_is_wilsons_at_95_percent(int failures, int attempts, double low, double high)
    {
        var (actualLow, actualHigh) = new FailureRate(failures, 0, attempts).Wilson95;

        Assert.That(actualLow, Is.EqualTo(low).Within(0.0005));
        Assert.That(actualHigh, Is.EqualTo(high).Within(0.0005));
    }

    [Test]
    public void Errors_are_counted_beside_the_failures_not_among_them()
    {
        var rate = new FailureRate(1, 2, 10);

        Assert.That(rate.Rate, Is.EqualTo(0.1));
        Assert.That(rate.ToString(), Is.EqualTo("1/10 failed (10%, 95% CI 2–40%), 2 ERROR"));
    }

    [Test]
    public void Boots_that_all_ended_in_error_give_no_rate()
    {
        Assert.That(new FailureRate(0, 3, 0).ToString(), Is.EqualTo("(no verdict: 3 ERROR)"));
    }
}
