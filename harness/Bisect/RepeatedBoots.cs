using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Harness.Running;

namespace Harness.Bisect;

/// <summary>
/// Boots one kernel with the guest until <see cref="FlakyRule"/> settles it: the part a commit
/// step and a matrix step share, whatever gave them the image.
/// </summary>
public sealed class RepeatedBoots(RunSession session, RunFolder folder, Action<string> log)
{
    // Built (or found in the cache) once, on the first kernel that reaches a boot.
    Task<GuestImage.GuestImage>? _guest;

    /// <param name="label">How the log names the kernel (a short commit, a matrix kernel's name).</param>
    public async Task<BootsResult> RunAsync(KernelRun run, KernelEntry entry, IReadOnlyList<string> scenarios, int repeats, string label, CancellationToken cancellationToken)
    {
        var guest = await (_guest ??= session.Guests.BuildAsync(cancellationToken));
        var boots = new List<BootOutcome>();
        var consoles = new List<string>();
        StepDecision? decision = null;
        for (var repeat = 1; decision is null; repeat++)
        {
            // A new seed per boot: repeats are there to give a flaky failure more chances.
            var context = new RunContext(session.Accel, guest, Random.Shared.NextInt64(1, 1L << 40), folder);
            var result = await run.RunAsync(entry, repeat, context, cancellationToken);
            var boot = BootOutcome.From(result, scenarios);
            boots.Add(boot);
            if (result.ConsoleLog is { } console)
                consoles.Add(console);
            log($"{label}: boot {repeat}: {boot.Evidence} ({boot.VmSeconds:0} s)");
            decision = FlakyRule.Decide(boots, repeats);
        }
        return new BootsResult(decision, boots, consoles);
    }
}

/// <summary>The boots of one kernel and the verdict they came to.</summary>
public sealed record BootsResult(StepDecision Decision, IReadOnlyList<BootOutcome> Boots, IReadOnlyList<string> Consoles)
{
    public double VmSeconds => Boots.Sum(b => b.VmSeconds);
}
