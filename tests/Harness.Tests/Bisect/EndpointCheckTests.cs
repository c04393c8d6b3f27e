using Harness.Judging;
using Harness.Bisect;

namespace Harness.Tests.Bisect;

public class EndpointCheckTests
{
    static readonly IReadOnlyList<string> Fork = ["fork_cpu_id"];

    static StepRecord Step(KernelJudgement verdict, string evidence = "evidence") =>
        new(new string('1', 40), "subject", "author", verdict, evidence, 1, 1, [], []);

    [Test]
    public void A_good_good_end_and_a_bad_bad_end_let_the_bisect_go_on() =>
        Assert.That(EndpointCheck.Problem(Step(KernelJudgement.Good), Step(KernelJudgement.Bad), Fork), Is.Null);

    [Test]
    public void A_good_end_that_already_fails_says_the_regression_is_older() =>
        Assert.That(EndpointCheck.Problem(Step(KernelJudgement.Bad), Step(KernelJudgement.Bad), Fork), Does.Contain("already FAILs fork_cpu_id").And.Contain("older --good"));

    [Test]
    public void A_bad_end_that_passes_says_there_is_nothing_to_bisect() =>
        Assert.That(EndpointCheck.Problem(Step(KernelJudgement.Good), Step(KernelJudgement.Good), Fork), Does.Contain("PASSes fork_cpu_id").And.Contain("--repeat"));

    [Test]
    public void An_end_that_cannot_be_tested_is_named_with_its_reason()
    {
        var problem = EndpointCheck.Problem(Step(KernelJudgement.Untestable, "build failed: make bzImage failed"), Step(KernelJudgement.Untestable, "fork_cpu_id ERROR: insufficient stress"), Fork);
        Assert.That(problem, Does.Contain("good end").And.Contain("build failed").And.Contain("bad end").And.Contain("insufficient stress"));
    }
}
