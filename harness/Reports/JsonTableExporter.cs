using System.Text;
using System.Text.Json;
using Harness.Judging;

namespace Harness.Reports;

/// <summary>
/// The table as JSON, for a dashboard that shows the table without reading run.json's details:
/// the preamble, the columns, and per row its cells typed (an outcome word or null, met a boolean).
/// </summary>
public sealed class JsonTableExporter : TableExporter
{
    public override string FileName => "summary.json";

    public override string Render(ResultTable table, bool allMet)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("preamble");
            foreach (var (key, value) in table.Preamble)
                json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("columns");
            foreach (var column in table.Header)
                json.WriteStringValue(column);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                foreach (var (column, cell) in table.Header.Zip(row))
                    Write(json, column, cell);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in table.Notes)
                json.WriteStringValue(note);
            json.WriteEndArray();
            json.WriteBoolean("all_met_expectation", allMet);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    static void Write(Utf8JsonWriter json, string column, Cell cell)
    {
        switch (cell)
        {
            case OutcomeCell { Outcome: { } outcome }:
                json.WriteString(column, VerdictWords.Word(outcome));
                break;
            case OutcomeCell:
                json.WriteNull(column);
                break;
            case MetCell met:
                json.WriteBoolean(column, met.Met);
                break;
            default:
                json.WriteString(column, cell.Text);
                break;
        }
    }
}
