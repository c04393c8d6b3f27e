using Guest.Scenarios.LegacyCpuIdStart;

namespace Guest.Tests.Scenarios.LegacyCpuIdStart;

/// <summary>Recorded probe sleeps: (cpu_id_start, cpu_id, getcpu, voluntary switches during the sleep).</summary>
public class SleepClassifierTests
{
    const int Sentinel = SleepSample.Sentinel;

    [Test]
    public void A_switch_that_put_the_cpu_number_back_is_rewritten()
    {
        Assert.That(SleepClassifier.Classify(new SleepSample(1, 1, 1, 1)), Is.EqualTo(SleepObservation.Rewritten));
    }

    [Test]
    public void The_sentinel_left_after_a_switch_is_the_regression()
    {
        // As measured on 7.2 with rseq_v2() forced true: 500 of 500 sleeps.
        Assert.That(SleepClassifier.Classify(new SleepSample(Sentinel, 2, 2, 1)), Is.EqualTo(SleepObservation.SentinelSurvived));
    }

    [Test]
    public void The_sentinel_left_by_a_sleep_that_never_blocked_proves_nothing()
    {
        // Recorded on Debian 6.1 under TCG: 6 of 500 one-millisecond sleeps expired before schedule().
        Assert.That(SleepClassifier.Classify(new SleepSample(Sentinel, 1, 1, 0)), Is.EqualTo(SleepObservation.NotSwitched));
    }

    [Test]
    public void An_unknown_switch_count_or_getcpu_proves_nothing()
    {
        Assert.That(SleepClassifier.Classify(new SleepSample(Sentinel, 1, -1, 1)), Is.EqualTo(SleepObservation.NotSwitched));
    }

    [Test]
    public void A_rewrite_to_another_cpu_than_getcpu_is_told_apart()
    {
        Assert.That(SleepClassifier.Classify(new SleepSample(3, 1, 1, 2)), Is.EqualTo(SleepObservation.WrongCpu));
    }

    [Test]
    public void The_sentinel_is_no_cpu_number()
    {
        Assert.That(SleepSample.Sentinel, Is.Negative);
        Assert.That(unchecked((uint)SleepSample.Sentinel), Is.EqualTo(0xFFFFFF00u));
    }
}
