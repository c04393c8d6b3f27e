namespace Harness.Records;

/// <summary>
/// A file the run folder writes beside run.json, made from the run's record: a summary in some
/// format. Declared here, where the folder uses it, so the formats (Reports) depend on the records
/// and never the other way round.
/// </summary>
public interface IRunExporter
{
    /// <summary>The file's name inside the run folder, such as <c>summary.md</c>.</summary>
    string FileName { get; }

    string Render(RunRecord run);
}
