using System.Text.Json;
using Harness.Records.Json;

namespace Harness.Records;

/// <summary>run.json: the run's record written as its file types (<see cref="RunDocument"/>), and read back.</summary>
public static class RunRecordJson
{
    public static string Serialize(RunRecord record) =>
        JsonSerializer.Serialize(RunDocumentMapping.ToDocument(record), RunDocumentContext.Default.RunDocument);

    public static RunRecord Deserialize(string json) =>
        RunDocumentMapping.ToRecord(JsonSerializer.Deserialize(json, RunDocumentContext.Default.RunDocument) ?? throw new JsonException("run.json is empty"));
}
