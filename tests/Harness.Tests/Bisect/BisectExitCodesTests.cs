using Harness.Bisect;
using Harness.Commands;

namespace Harness.Tests.Bisect;

public class BisectExitCodesTests
{
    [TestCase(ExitCodes.BadInput, BisectExitCodes.BadInput)]
    [TestCase(ExitCodes.MissingPrerequisite, BisectExitCodes.MissingPrerequisite)]
    [TestCase(ExitCodes.Environment, BisectExitCodes.Environment)]
    [TestCase(ExitCodes.InternalError, BisectExitCodes.InternalError)]
    public void A_failure_of_the_harness_becomes_a_status_that_stops_git_bisect_run(int harness, int step)
    {
        Assert.That(BisectExitCodes.FromHarness(harness), Is.EqualTo(step));
        Assert.That(step, Is.GreaterThanOrEqualTo(128), "git bisect run takes 1 to 127 (but 125) as bad");
    }

    [TestCase(BisectExitCodes.Good)]
    [TestCase(BisectExitCodes.Bad)]
    [TestCase(BisectExitCodes.Untestable)]
    [TestCase(ExitCodes.Cancelled)]
    [TestCase(ExitCodes.Terminated)]
    public void Verdicts_and_signals_keep_their_status(int status) =>
        Assert.That(BisectExitCodes.FromHarness(status), Is.EqualTo(status));

    [Test]
    public void Untestable_is_the_status_git_bisect_run_skips_a_commit_for() =>
        Assert.That(BisectExitCodes.Untestable, Is.EqualTo(125));

    [Test]
    public void Bisect_mistakes_and_git_failures_are_input_and_environment_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandLineErrors.Describe(new BisectInputException("not a kernel tree")).Status, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(CommandLineErrors.Describe(new GitException("checkout failed")).Status, Is.EqualTo(ExitCodes.Environment));
        });
    }
}
