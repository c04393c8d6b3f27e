using Harness.Judging;
using Protocol;

namespace Harness.Running.Progress;

/// <summary>
/// Follows one boot's result stream as QEMU prints it: the version line means the guest began
/// (Booting becomes Running), and each result line a scenario finished.
/// </summary>
/// <param name="report">Receives the phase and its detail, e.g. "2/3 scenarios done, last rseq_cpu_id PASS".</param>
sealed class ScenarioProgress(Action<KernelPhase, string?> report)
{
    int _finished;
    string _planned = "?";
    bool _started;

    public void Add(string rawLine)
    {
        // The serial line turns \n into \r\n and may carry NULs while the UART settles (as ResultStream).
        var line = rawLine.Replace("\0", "").Trim();
        if (!_started)
        {
            if (!KtapLines.IsVersion(line))
                return;
            _started = true;
            report(KernelPhase.Running, "0 scenarios done");
            return;
        }
        // The plan counts what the guest will report (selftests included), which the matrix alone does not know.
        if (KtapLines.TryParsePlan(line, out var count))
        {
            _planned = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            report(KernelPhase.Running, $"0/{_planned} scenarios done");
            return;
        }
        if (KtapLines.TryParseResult(line, out var result))
        {
            _finished++;
            report(KernelPhase.Running, $"{_finished}/{_planned} scenarios done, last {result.Name} {VerdictWords.Word(result.Verdict)}");
        }
    }
}
