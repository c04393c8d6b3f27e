using Harness.Config;
using Harness.Results;
using Protocol;

namespace Harness.Tests.Results;

public class ExpectationCheckTests
{
    static ScenarioOutcome[] Outcomes(params ScenarioVerdict[] verdicts) =>
        verdicts.Select((v, i) => new ScenarioOutcome($"s{i}", v, null, new Dictionary<string, long>(), [])).ToArray();

    [TestCase(Expectation.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Skip }, true)]
    [TestCase(Expectation.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Fail }, false)]
    [TestCase(Expectation.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Error }, false)]
    [TestCase(Expectation.Fail, new[] { ScenarioVerdict.Fail, ScenarioVerdict.Pass }, true)]
    [TestCase(Expectation.Fail, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Pass }, false)]
    [TestCase(Expectation.Fail, new[] { ScenarioVerdict.Fail, ScenarioVerdict.Error }, false)]
    [TestCase(Expectation.Pass, new ScenarioVerdict[0], false)]
    public void A_kernel_meets_its_expectation_only_with_a_clean_verdict(Expectation expect, ScenarioVerdict[] verdicts, bool met) =>
        Assert.That(ExpectationCheck.IsMet(expect, Outcomes(verdicts)), Is.EqualTo(met));
}

public class ExpectationCheckSelftestTests
{
    static ScenarioOutcome Outcome(string name, ScenarioVerdict verdict) => new(name, verdict, null, new Dictionary<string, long>(), []);

    [Test]
    public void A_failing_selftest_does_not_spoil_a_kernel_expected_to_pass()
    {
        var outcomes = new[] { Outcome("fork_cpu_id", ScenarioVerdict.Pass), Outcome("selftest:legacy_check", ScenarioVerdict.Fail) };

        Assert.That(ExpectationCheck.IsMet(Expectation.Pass, outcomes), Is.True);
    }

    [Test]
    public void A_failing_selftest_alone_does_not_make_a_control_meet_its_expectation()
    {
        var outcomes = new[] { Outcome("fork_cpu_id", ScenarioVerdict.Pass), Outcome("selftest:legacy_check", ScenarioVerdict.Fail) };

        Assert.That(ExpectationCheck.IsMet(Expectation.Fail, outcomes), Is.False);
    }
}
