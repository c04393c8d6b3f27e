namespace Harness.Reports.Csv;

/// <summary>
/// A field as RFC 4180 writes it: quoted when it holds a comma, a double quote, a line break or
/// leading or trailing blanks (which spreadsheets would trim), a double quote inside doubled.
/// </summary>
public static class CsvField
{
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Trim().Length != value.Length
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;

    /// <summary>A record: its fields joined by commas, ended by CRLF as the RFC has it.</summary>
    public static string Record(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote)) + "\r\n";
}
