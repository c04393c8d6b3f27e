using Guest.Cli;
using Protocol;

namespace Guest.Tests.Cli;

public class OptionsResolverTests
{
    const long DefaultSeed = 1234;

    static GuestOptions Resolve(CommandLineArguments arguments, string? kernelCommandLine = null)
    {
        Assert.That(OptionsResolver.TryResolve(arguments, kernelCommandLine, DefaultSeed, out var options, out var error), Is.True, error);
        return options;
    }

    static string Error(CommandLineArguments arguments, string? kernelCommandLine = null)
    {
        Assert.That(OptionsResolver.TryResolve(arguments, kernelCommandLine, DefaultSeed, out _, out var error), Is.False);
        return error;
    }

    [Test]
    public void Nothing_given_runs_every_scenario_with_the_defaults()
    {
        var options = Resolve(new CommandLineArguments());

        Assert.That(options.Scenarios, Is.EqualTo(ScenarioNames.All));
        Assert.That(options.Duration, Is.EqualTo(OptionsResolver.DefaultDuration));
        Assert.That(options.Seed, Is.EqualTo(DefaultSeed));
        Assert.That(options.Threads, Is.Null);
        Assert.That(options.KtapPath, Is.Null);
    }

    [Test]
    public void Parameters_are_read_from_the_kernel_command_line()
    {
        const string commandLine = "console=ttyS0 panic=-1 quiet rseqh.scenarios=fork_cpu_id rseqh.seconds=3 rseqh.seed=99 rseqh.threads=2\n";

        var options = Resolve(new CommandLineArguments(KtapPath: "/dev/ttyS1"), commandLine);

        Assert.That(options, Is.EqualTo(options with
        {
            Duration = TimeSpan.FromSeconds(3),
            Seed = 99,
            Threads = 2,
            KtapPath = "/dev/ttyS1",
        }));
        Assert.That(options.Scenarios, Is.EqualTo(new[] { ScenarioNames.ForkCpuId }));
    }

    [Test]
    public void An_option_typed_on_the_command_line_wins_over_the_kernel_command_line()
    {
        var options = Resolve(new CommandLineArguments(Seconds: "0.5"), "rseqh.seconds=3 rseqh.seed=99");

        Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(options.Seed, Is.EqualTo(99));
    }

    [Test]
    public void An_unknown_scenario_is_an_error_that_names_it()
    {
        Assert.That(Error(new CommandLineArguments(Scenarios: "fork_cpu_id,no_such")), Does.Contain("'no_such'"));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("99999")]
    public void Seconds_out_of_range_are_an_error(string seconds)
    {
        Assert.That(Error(new CommandLineArguments(Seconds: seconds)), Does.StartWith("seconds must be"));
    }

    [TestCase("quick", 3, 2)]
    [TestCase("standard", 10, 8)]
    [TestCase("deep", 100, 20)]
    public void A_depth_picks_the_stress_multiple_and_the_cap(string depth, double multiple, double capSeconds)
    {
        var options = Resolve(new CommandLineArguments(), $"console=ttyS0 rseqh.depth={depth}");

        Assert.That(StressDepthProfile.NameOf(options.Depth), Is.EqualTo(depth));
        Assert.That(options.StressMultiple, Is.EqualTo(multiple));
        Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromSeconds(capSeconds)));
    }

    [Test]
    public void Without_a_depth_the_run_is_standard_ten_times_the_minimum_stress_within_eight_seconds()
    {
        var options = Resolve(new CommandLineArguments());

        Assert.That(options.Depth, Is.EqualTo(StressDepth.Standard));
        Assert.That(options.StressMultiple, Is.EqualTo(10));
        Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromSeconds(8)));
    }

    [Test]
    public void Seconds_and_a_stress_multiple_given_override_the_depths_own()
    {
        var options = Resolve(new CommandLineArguments(StressMultiple: "2.5"), "rseqh.depth=deep rseqh.seconds=3");

        Assert.That(options.Depth, Is.EqualTo(StressDepth.Deep));
        Assert.That(options.StressMultiple, Is.EqualTo(2.5));
        Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void The_stress_multiple_is_read_from_the_kernel_command_line()
    {
        Assert.That(Resolve(new CommandLineArguments(), "rseqh.multiple=4").StressMultiple, Is.EqualTo(4));
    }

    [Test]
    public void An_unknown_depth_is_an_error_that_names_the_known_ones()
    {
        Assert.That(Error(new CommandLineArguments(Depth: "thorough")),
            Is.EqualTo("depth must be one of quick, standard, deep, got 'thorough'"));
    }

    [TestCase("0.5")]
    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("ten")]
    [TestCase("1001")]
    public void A_stress_multiple_below_one_or_out_of_range_is_an_error(string multiple)
    {
        Assert.That(Error(new CommandLineArguments(StressMultiple: multiple)), Does.StartWith("stress multiple must be"));
    }

    [Test]
    public void A_bad_value_on_the_kernel_command_line_is_an_error_too()
    {
        Assert.That(Error(new CommandLineArguments(), "rseqh.threads=0"), Does.StartWith("threads must be"));
    }

    [Test]
    public void A_seed_that_is_not_an_integer_is_an_error()
    {
        Assert.That(Error(new CommandLineArguments(Seed: "1.5")), Does.StartWith("seed must be"));
    }

    [Test]
    public void A_test_only_fault_is_read_from_the_kernel_command_line_and_none_by_default()
    {
        Assert.That(Resolve(new CommandLineArguments(), "console=ttyS0 rseqh.fault=segv").Fault, Is.EqualTo("segv"));
        Assert.That(Resolve(new CommandLineArguments(), "console=ttyS0").Fault, Is.Null);
    }

    [Test]
    public void An_unknown_fault_is_refused_with_the_known_ones() =>
        Assert.That(Error(new CommandLineArguments(), "rseqh.fault=meltdown"), Is.EqualTo("unknown fault 'meltdown' (one of: panic, segv, hang)"));
}
