using Harness.Records;
using Harness.Reports;
using Harness.Running;
using Harness.Vm;

namespace Harness.Soak;

/// <summary>
/// Runs the session's matrix round after round until the time is up, finishing the round in progress.
/// Every round goes through the same session, so the guest image, the kernels and the accelerator
/// decision are those a run has, and whatever the harness leaks per round adds up where it shows.
/// </summary>
public sealed class SoakRunner(RunSession session, TimeProvider clock, Action<string> log)
{
    /// <summary>A change between rounds, and a leak, both need two rounds to show, however short the time asked.</summary>
    public const int MinimumRounds = 2;

    /// <param name="soakFolder">Receives one run folder per round.</param>
    public async Task<SoakReport> RunAsync(TimeSpan duration, string soakFolder, CancellationToken ct)
    {
        var start = ProcessFootprint.Measure();
        var started = clock.GetUtcNow();
        var rounds = new List<SoakRound>();
        var interrupted = false;
        try
        {
            while (rounds.Count < MinimumRounds || clock.GetUtcNow() - started < duration)
            {
                var number = rounds.Count + 1;
                var left = duration - (clock.GetUtcNow() - started);
                log($"soak: round {number}{(left > TimeSpan.Zero ? $", {left.TotalMinutes:0.0} min left" : ", past the time asked")}");
                var roundStart = clock.GetTimestamp();
                var folder = RunFolder.Create(soakFolder, clock.GetUtcNow(), TableExporter.Standard);
                var record = await session.RunAsync(1, folder, ct);
                rounds.Add(SoakRound.From(number, folder.RunId, record, clock.GetElapsedTime(roundStart), ProcessFootprint.Measure()));
                log($"soak: round {number} done, {OutcomeChanges.Find(rounds).Count} cell(s) changed so far");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The interrupted round's folder holds what it had (the matrix runner writes it); the report covers the finished rounds.
            interrupted = true;
        }

        var accel = session.Accel.Current is { } decision ? $"{decision.Accel.Word()} ({decision.Reason})" : "none (nothing booted)";
        return new SoakReport(
            session.Settings.Matrix.FilePath, started, clock.GetUtcNow(), duration, interrupted, session.QemuVersion, accel,
            rounds, OutcomeChanges.Find(rounds), start, ProcessFootprint.Measure());
    }
}
