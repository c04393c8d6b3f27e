using System.CommandLine;
using Harness.Commands;
using Harness.Running.Progress;

namespace Harness.Tests.Commands;

/// <summary>
/// run's --progress as its command line parses it. Which mode each value then gives, whatever the
/// output, is ProgressModeChoiceTests'; a redirected run's plain lines are FakeQemuRunTests'.
/// </summary>
public class RunProgressOptionTests
{
    [TestCase("plain", ProgressMode.Plain)]
    [TestCase("live", ProgressMode.Live)]
    [TestCase("auto", ProgressMode.Auto)]
    public void Run_takes_each_progress_mode_by_name(string text, ProgressMode mode)
    {
        var parse = RunCommand.Create().Parse(["--progress", text]);

        Assert.That(parse.Errors.Select(e => e.Message), Is.Empty);
        Assert.That(parse.GetValue<ProgressMode>("--progress"), Is.EqualTo(mode));
    }

    [Test]
    public void Run_without_progress_decides_by_itself()
    {
        var parse = RunCommand.Create().Parse([]);

        Assert.That(parse.GetValue<ProgressMode>("--progress"), Is.EqualTo(ProgressMode.Auto));
    }

    [Test]
    public void An_unknown_progress_mode_is_a_usage_error_naming_it()
    {
        var parse = RunCommand.Create().Parse(["--progress", "fancy"]);

        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains("fancy"));
    }
}
