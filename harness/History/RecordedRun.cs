using Harness.Records;

namespace Harness.History;

/// <summary>A run read back from its folder: the folder's name (the run's id on disk) and its record.</summary>
/// <param name="Folder">The run folder's full path.</param>
public sealed record RecordedRun(string Folder, RunRecord Record)
{
    public string Name => Path.GetFileName(Folder);
}
