namespace Harness.Soak;

/// <summary>What a soak found: the rounds, the cells that changed between them, and the harness's footprint at start and end.</summary>
/// <param name="Asked">The time asked for; the last round runs to its end, so a soak takes longer.</param>
/// <param name="Interrupted">Stopped by Ctrl-C or SIGTERM: the rounds are those that finished.</param>
/// <param name="Accel">The accelerator at the end, with its reason (one resolver serves every round).</param>
public sealed record SoakReport(
    string MatrixFile,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    TimeSpan Asked,
    bool Interrupted,
    string QemuVersion,
    string Accel,
    IReadOnlyList<SoakRound> Rounds,
    IReadOnlyList<CellChange> Changes,
    ProcessFootprint Start,
    ProcessFootprint End)
{
    /// <summary>No cell changed and every round met every expectation.</summary>
    public bool Steady => Changes.Count == 0 && Rounds.Count > 0 && Rounds.All(r => r.AllMetExpectation);
}
