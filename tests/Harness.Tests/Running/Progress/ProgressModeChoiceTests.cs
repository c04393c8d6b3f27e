using Harness.Running.Progress;

namespace Harness.Tests.Running.Progress;

public class ProgressModeChoiceTests
{
    static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Auto_on_a_terminal_outside_CI_is_the_live_table() =>
        Assert.That(ProgressModeChoice.Resolve(ProgressMode.Auto, outputRedirected: false, Environment(("TERM", "xterm-256color"))), Is.EqualTo(ProgressMode.Live));

    [Test]
    public void Auto_with_the_output_redirected_is_plain_lines() =>
        Assert.That(ProgressModeChoice.Resolve(ProgressMode.Auto, outputRedirected: true, Environment(("TERM", "xterm"))), Is.EqualTo(ProgressMode.Plain));

    [TestCase("true")]
    [TestCase("1")]
    [TestCase("yes")]
    public void Auto_under_CI_is_plain_lines_even_on_a_terminal(string ci) =>
        Assert.That(ProgressModeChoice.Resolve(ProgressMode.Auto, outputRedirected: false, Environment(("CI", ci), ("TERM", "xterm"))), Is.EqualTo(ProgressMode.Plain));

    [TestCase("false")]
    [TestCase("0")]
    [TestCase("")]
    public void A_CI_variable_that_says_no_leaves_a_terminal_live(string ci) =>
        Assert.That(ProgressModeChoice.Resolve(ProgressMode.Auto, outputRedirected: false, Environment(("CI", ci))), Is.EqualTo(ProgressMode.Live));

    [Test]
    public void Auto_on_a_dumb_terminal_is_plain_lines() =>
        Assert.That(ProgressModeChoice.Resolve(ProgressMode.Auto, outputRedirected: false, Environment(("TERM", "dumb"))), Is.EqualTo(ProgressMode.Plain));

    [TestCase(ProgressMode.Live, true)]
    [TestCase(ProgressMode.Plain, false)]
    public void An_explicit_choice_stands_whatever_the_output(ProgressMode asked, bool redirected) =>
        Assert.That(ProgressModeChoice.Resolve(asked, redirected, Environment(("CI", "true"))), Is.EqualTo(asked));
}
