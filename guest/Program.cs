using Guest.Cli;
using Guest.Output;
using Guest.Rseq;
using Guest.Running;
using Guest.Scenarios;
using Guest.Scenarios.LegacyCpuIdStart;
using Guest.Scenarios.Selftests;
using Protocol;

const int ExitUsage = 2;

if (!ArgumentParser.TryParse(args, out var arguments, out var error))
    return UsageError(error);
if (arguments.Help)
{
    Console.Out.WriteLine(UsageText.Value);
    return 0;
}
if (arguments.List)
{
    foreach (var name in ScenarioNames.All)
        Console.Out.WriteLine(name);
    return 0;
}

var libc = LibC.Load();

if (arguments.RseqOffChild)
{
    return RseqOffServer.Serve(Console.In, Console.Out, requestWords =>
    {
        // A request is a command line of the guest (the legacy probe, or a _v2 scenario's twin).
        if (!ArgumentParser.TryParse(requestWords, out var request, out var requestError))
            throw new InvalidOperationException($"bad request to the rseq-off child: {requestError}");
        // The probe and the _v2 twins start no child of their own: this one is never started.
        using var noChild = new RseqOffChild();
        Run(request, libc, noChild);
    });
}

using var rseqOffChild = new RseqOffChild();
return Run(arguments, libc, rseqOffChild);

static int Run(CommandLineArguments arguments, LibC libc, RseqOffChild rseqOffChild)
{
    var kernelCommandLine = arguments.KernelCommandLinePath is null ? null : File.ReadAllText(arguments.KernelCommandLinePath);
    if (!OptionsResolver.TryResolve(arguments, kernelCommandLine, Environment.TickCount64, out var options, out var error))
        return UsageError(error);

    var syscalls = new Syscalls(libc);
    var registrar = new RseqRegistrar(libc, syscalls, arguments.AbiV2Child ? RseqAbi.V2 : RseqAbi.V1);
    if (arguments.LegacyProbe)
    {
        foreach (var line in new LegacyProbe(libc, syscalls, registrar).Run(options.Duration, options.StressMultiple).ToLines())
            Console.Out.WriteLine(line);
        return 0;
    }
    var catalog = new ScenarioCatalog(libc, syscalls, registrar, rseqOffChild);
    var scenarios = new List<IScenario>();
    foreach (var name in options.Scenarios)
        scenarios.Add(catalog.Create(name) ?? throw new InvalidOperationException($"scenario '{name}' has no implementation"));
    if (arguments.SelftestsPath is not null)
        scenarios.AddRange(SelftestScenario.AllIn(arguments.SelftestsPath, options.Depth));

    var cpus = syscalls.OnlineCpus();
    var settings = new ScenarioSettings(options.Duration, options.Seed, options.Threads ?? cpus, cpus, options.StressMultiple);
    using var writer = new KtapWriter(KtapTarget.Open(options.KtapPath));
    // A _v2 scenario's child writes no markers: they would nest inside its parent's scenario window.
    return new GuestRunner(writer, arguments.AbiV2Child ? null : new KernelLog()).Run(
        () => new GuestFacts(syscalls, registrar).Describe(settings, options.Depth), scenarios, settings, Guest.Faults.InjectedFault.AfterPlan(options.Fault, libc));
}

static int UsageError(string message)
{
    Console.Error.WriteLine($"guest: {message} (try --help)");
    return ExitUsage;
}
