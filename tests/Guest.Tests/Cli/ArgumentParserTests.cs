using Guest.Cli;

namespace Guest.Tests.Cli;

public class ArgumentParserTests
{
    static CommandLineArguments Parse(params string[] args)
    {
        Assert.That(ArgumentParser.TryParse(args, out var arguments, out var error), Is.True, error);
        return arguments;
    }

    [Test]
    public void Every_value_option_is_read()
    {
        var arguments = Parse("--scenarios", "fork_cpu_id", "--seconds", "2", "--seed", "42", "--threads", "3", "--ktap", "/dev/ttyS1",
            "--depth", "deep", "--stress-multiple", "4");

        Assert.That(arguments, Is.EqualTo(new CommandLineArguments(
            Scenarios: "fork_cpu_id", Seconds: "2", Seed: "42", Threads: "3", KtapPath: "/dev/ttyS1", Depth: "deep", StressMultiple: "4")));
    }

    [Test]
    public void Kernel_cmdline_without_a_path_reads_proc_cmdline()
    {
        var arguments = Parse("--kernel-cmdline", "--ktap", "/dev/ttyS1");

        Assert.That(arguments.KernelCommandLinePath, Is.EqualTo("/proc/cmdline"));
        Assert.That(arguments.KtapPath, Is.EqualTo("/dev/ttyS1"));
    }

    [Test]
    public void Kernel_cmdline_takes_the_path_that_follows_it()
    {
        Assert.That(Parse("--kernel-cmdline", "/tmp/cmdline").KernelCommandLinePath, Is.EqualTo("/tmp/cmdline"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Help_is_recognised(string option) => Assert.That(Parse(option).Help, Is.True);

    [Test]
    public void List_is_recognised() => Assert.That(Parse("--list").List, Is.True);

    [Test]
    public void The_hidden_probe_option_is_recognised_with_its_seconds()
    {
        var arguments = Parse("--internal-legacy-probe", "--seconds", "3");

        Assert.That(arguments.LegacyProbe, Is.True);
        Assert.That(arguments.Seconds, Is.EqualTo("3"));
        Assert.That(UsageText.Value, Does.Not.Contain("--internal-legacy-probe"));
    }

    [Test]
    public void The_hidden_abi_v2_option_is_recognised_beside_the_scenario_options()
    {
        var arguments = Parse("--internal-abi-v2", "--scenarios", "cs_abort", "--threads", "2");

        Assert.That(arguments.AbiV2Child, Is.True);
        Assert.That((arguments.Scenarios, arguments.Threads), Is.EqualTo(("cs_abort", "2")));
        Assert.That(UsageText.Value, Does.Not.Contain("--internal-abi-v2"));
    }

    [Test]
    public void The_hidden_rseq_off_child_option_is_recognised_and_not_in_the_help()
    {
        var arguments = Parse("--internal-rseq-off-child");

        Assert.That(arguments.RseqOffChild, Is.True);
        Assert.That(UsageText.Value, Does.Not.Contain("--internal-rseq-off-child"));
    }

    [Test]
    public void An_unknown_option_is_an_error_that_names_it()
    {
        Assert.That(ArgumentParser.TryParse(["--seconds", "1", "--frobnicate"], out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("unknown option '--frobnicate'"));
    }

    [Test]
    public void A_value_option_at_the_end_is_an_error()
    {
        Assert.That(ArgumentParser.TryParse(["--seconds"], out _, out var error), Is.False);
        Assert.That(error, Does.Contain("needs a value"));
    }
}
