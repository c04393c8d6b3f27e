using Guest.Rseq;
using Guest.Scenarios;
using Protocol;

namespace Guest.Tests.Scenarios;

public class RseqLengthCounterTests
{
    static readonly ScenarioOutcome Passed = new(ScenarioVerdict.Pass, null, [new(CounterNames.Threads, 4)], []);

    [TestCase(32)]
    [TestCase(64)]
    public void The_registered_length_is_added_after_the_scenarios_own_counters(int length)
    {
        var outcome = RseqLengthCounter.With(Passed, new RseqRegistration(0x1000, RseqOwner.Guest, length, null));

        Assert.That(outcome.Counters, Is.EqualTo(new KeyValuePair<string, long>[] { new(CounterNames.Threads, 4), new(CounterNames.RseqLength, length) }));
    }

    [Test]
    public void Without_a_registration_there_is_no_length_to_report()
    {
        var outcome = RseqLengthCounter.With(Passed, RseqRegistration.Unavailable(RseqRegistrar.ProblemOf(SyscallNumbers.ErrnoNoSys)));

        Assert.That(outcome.Counters.Select(c => c.Key), Does.Not.Contain(CounterNames.RseqLength));
    }
}
