using Harness.Processes;

namespace Harness.Tests.Processes;

public class OutputLinesTests
{
    [Test]
    public void The_first_line_is_the_first_non_empty_one_trimmed() =>
        Assert.That(OutputLines.First("\n  \n  QEMU emulator version 7.2.22 \nCopyright"), Is.EqualTo("QEMU emulator version 7.2.22"));

    [Test]
    public void A_failure_is_the_last_line_of_stderr_when_it_has_one() =>
        Assert.That(OutputLines.Last("tar: a: Cannot open\ntar: Exiting with failure status\n", "ignored"), Is.EqualTo("tar: Exiting with failure status"));

    [Test]
    public void A_failure_with_an_empty_stderr_is_the_last_line_of_stdout() =>
        Assert.That(OutputLines.Last(" \n", "checking file a\nHunk #1 FAILED at 3.\n"), Is.EqualTo("Hunk #1 FAILED at 3."));

    [Test]
    public void No_output_at_all_gives_no_line() =>
        Assert.That(OutputLines.First("", "\n"), Is.Null);
}
