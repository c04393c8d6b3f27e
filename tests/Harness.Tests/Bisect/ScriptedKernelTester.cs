using Harness.Judging;
using Harness.Bisect;

namespace Harness.Tests.Bisect;

/// <summary>Stands in for booting a matrix kernel: each kernel's verdict is given by name (good, bad or skip).</summary>
sealed class ScriptedKernelTester(IReadOnlyDictionary<string, string> words) : IKernelTester
{
    public List<string> Tested { get; } = [];

    public Task<StepRecord> TestAsync(OrderedKernel kernel, CancellationToken cancellationToken)
    {
        Tested.Add(kernel.Name);
        var word = words[kernel.Name];
        var verdict = word switch { "good" => KernelJudgement.Good, "bad" => KernelJudgement.Bad, _ => KernelJudgement.Untestable };
        var boot = new BootOutcome(verdict switch { KernelJudgement.Good => BootVerdict.Pass, KernelJudgement.Bad => BootVerdict.Fail, _ => BootVerdict.Untestable }, word, [], 1);
        return Task.FromResult(new StepRecord(kernel.Name, kernel.Release, "source", verdict, word, 0, 1, [boot], []));
    }
}
