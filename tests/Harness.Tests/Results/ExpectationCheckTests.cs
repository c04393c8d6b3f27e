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
