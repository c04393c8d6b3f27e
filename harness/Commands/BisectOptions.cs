using System.CommandLine;
using Harness.Bisect;
using Harness.Config;
using Harness.Running;

namespace Harness.Commands;

/// <summary>The options <c>bisect</c> and <c>bisect-step</c> share, and how they become a step's settings and a run session.</summary>
public sealed class BisectOptions
{
    public Option<string?> Config { get; } = new("--config") { Description = "Config fragment merged onto tinyconfig (default: configs/rseq-guest.config of the checkout)." };
    public Option<string[]> Scenarios { get; } = new("--scenario", "-s") { Description = "A scenario that decides good and bad (repeatable; the regression's scenarios).", Required = true, AllowMultipleArgumentsPerToken = false };
    public Option<int> Repeat { get; } = new("--repeat") { Description = "Boots per commit at most: bad on two failures, good only with no failure over enough clean boots.", DefaultValueFactory = _ => 1 };
    public Option<int> Cpus { get; } = new("--cpus") { Description = "vCPUs of each VM.", DefaultValueFactory = _ => MachineSettings.Standard.Cpus };
    public Option<double?> Seconds { get; } = new("--seconds") { Description = "The cap on each scenario's seconds of stress in the guest (default: the standard depth's)." };
    public Option<bool> Retest { get; } = new("--retest") { Description = "Build and boot every commit again instead of replaying cached outcomes (they are still written)." };
    public Option<AccelChoice?> Accel { get; } = CommonOptions.Accel();
    public Option<string?> Cache { get; } = CommonOptions.Cache();
    public Option<string?> Results { get; } = CommonOptions.Results();
    public Option<string?> Qemu { get; } = CommonOptions.Qemu();

    public IEnumerable<Option> All => [Config, Scenarios, Repeat, Cpus, Seconds, Retest, Accel, Cache, Results, Qemu];

    public BisectOptions()
    {
        Repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100)
                result.AddError("--repeat takes a count from 1 to 100");
        });
        Cpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 2 or > 64)
                result.AddError("--cpus takes a count from 2 to 64 (one CPU cannot migrate anything)");
        });
        Seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is not (> 0 and <= 600))
                result.AddError("--seconds takes a time from 0 to 600");
        });
    }

    /// <exception cref="BisectInputException">An unknown scenario, or a fragment that does not exist.</exception>
    public StepSettings Read(ParseResult parse, string treePath)
    {
        var layout = RepositoryLayout.Locate();
        var fragment = Path.GetFullPath(parse.GetValue(Config) ?? Path.Combine(layout.Root, "configs", "rseq-guest.config"));
        if (!File.Exists(fragment))
            throw new BisectInputException($"config fragment {fragment} does not exist (--config)");
        return new StepSettings(treePath, fragment, ReadScenarios(parse), parse.GetValue(Repeat), parse.GetValue(Cpus), parse.GetValue(Seconds), parse.GetValue(Retest));
    }

    /// <summary>A matrix bisect's settings: --cpus and --seconds only where given, else each kernel keeps its own.</summary>
    /// <exception cref="BisectInputException">An unknown scenario, or --config, which only a tree's builds take.</exception>
    public MatrixBisectSettings ReadMatrix(ParseResult parse)
    {
        if (parse.GetResult(Config) is { Implicit: false })
            throw new BisectInputException("--config applies to a bisect of a --tree; the kernels of a --matrix keep the config they were built with");
        return new MatrixBisectSettings(ReadScenarios(parse), parse.GetValue(Repeat),
            parse.GetResult(Cpus) is { Implicit: false } ? parse.GetValue(Cpus) : null,
            parse.GetValue(Seconds),
            parse.GetValue(Retest));
    }

    IReadOnlyList<string> ReadScenarios(ParseResult parse)
    {
        var scenarios = (parse.GetValue(Scenarios) ?? []).Distinct().ToList();
        var unknown = scenarios.Where(s => !Protocol.ScenarioNames.All.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new BisectInputException($"unknown scenario {string.Join(", ", unknown)}; the guest knows {string.Join(", ", Protocol.ScenarioNames.All)}");
        return scenarios;
    }

    /// <summary>The run machinery a matrix bisect boots with, over the whole matrix so every kernel's needs are checked up front.</summary>
    public Task<RunSession> OpenSessionAsync(ParseResult parse, Matrix matrix, Action<string> log, CancellationToken cancellationToken)
    {
        var layout = RepositoryLayout.Locate();
        var settings = new RunSettings(layout.Root, matrix, parse.GetValue(Accel) ?? matrix.Defaults.Accel,
            Path.GetFullPath(parse.GetValue(Cache) ?? RepositoryLayout.DefaultCache),
            Path.GetFullPath(parse.GetValue(Results) ?? layout.DefaultResults),
            parse.GetValue(Qemu));
        return RunSession.OpenAsync(settings, log, TimeProvider.System, cancellationToken);
    }

    /// <summary>The run machinery a step boots with: QEMU checked, the accelerator resolver, the guest image builder.</summary>
    public Task<RunSession> OpenSessionAsync(ParseResult parse, StepSettings step, Action<string> log, CancellationToken cancellationToken)
    {
        var layout = RepositoryLayout.Locate();
        var entry = BisectStep.EntryFor(step, "bisect");
        var accel = parse.GetValue(Accel) ?? AccelChoice.Auto;
        // A one-kernel matrix so the session checks the build tools as for any kernel built from source.
        var matrix = new Matrix(Path.Combine(step.TreePath, "(bisect)"), MatrixDefaults.Standard with { Accel = accel }, [entry]);
        var settings = new RunSettings(layout.Root, matrix, accel,
            Path.GetFullPath(parse.GetValue(Cache) ?? RepositoryLayout.DefaultCache),
            Path.GetFullPath(parse.GetValue(Results) ?? layout.DefaultResults),
            parse.GetValue(Qemu));
        return RunSession.OpenAsync(settings, log, TimeProvider.System, cancellationToken);
    }
}
