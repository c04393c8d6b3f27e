using System.Globalization;
using System.Text;

namespace Protocol;

/// <summary>
/// The lines of the KTAP stream the guest writes on its own serial port
/// (https://docs.kernel.org/dev-tools/ktap.html), and how the harness reads them back. Both sides
/// use this one type, so the format cannot drift between them.
/// </summary>
/// <remarks>
/// A stream looks like:
/// <code>
/// KTAP version 1
/// # info uname=6.1.0-40-amd64
/// 1..1
/// # fork_cpu_id: counters forks=800 cross_cpu_starts=790 stale_children=0
/// # fork_cpu_id: evidence child cpu_id=3 getcpu=2
/// ok 1 fork_cpu_id
/// # done exit=0
/// </code>
/// KTAP has no word for "the test could not judge", so an ERROR is a <c>not ok</c> line with the
/// directive <c># ERROR reason</c>; a SKIP is <c>ok N name # SKIP reason</c> as KTAP defines it.
/// </remarks>
public static class KtapLines
{
    public const string Version = "KTAP version 1";
    public const string SkipDirective = "SKIP";
    public const string ErrorDirective = "ERROR";
    const string InfoPrefix = "# info ";
    const string DonePrefix = "# done exit=";
    const string CountersWord = "counters";
    const string EvidenceWord = "evidence";

    public static string Plan(int count) => $"1..{count}";

    public static string Info(string key, string value) => $"{InfoPrefix}{key}={Sanitize(value)}";

    public static string Done(int exitCode) => $"{DonePrefix}{exitCode}";

    public static string Counters(string scenario, IEnumerable<KeyValuePair<string, long>> counters)
    {
        var text = new StringBuilder($"# {scenario}: {CountersWord}");
        foreach (var (name, value) in counters)
            text.Append(CultureInfo.InvariantCulture, $" {name}={value}");
        return text.ToString();
    }

    public static string Evidence(string scenario, string text) => $"# {scenario}: {EvidenceWord} {Sanitize(text)}";

    public static string Diagnostic(string text) => $"# {Sanitize(text)}";

    public static string Result(int number, string scenario, ScenarioVerdict verdict, string? reason) => verdict switch
    {
        ScenarioVerdict.Pass => $"ok {number} {scenario}",
        ScenarioVerdict.Fail => reason is null ? $"not ok {number} {scenario}" : $"not ok {number} {scenario} # {Sanitize(reason)}",
        ScenarioVerdict.Skip => $"ok {number} {scenario} # {SkipDirective} {Sanitize(reason ?? "")}".TrimEnd(),
        ScenarioVerdict.Error => $"not ok {number} {scenario} # {ErrorDirective} {Sanitize(reason ?? "")}".TrimEnd(),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>Keeps a free text on one line so it cannot forge a result line.</summary>
    static string Sanitize(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace('#', ' ').Trim();

    public static bool IsVersion(string line) => line.Trim() == Version;

    public static bool TryParsePlan(string line, out int count)
    {
        count = 0;
        var trimmed = line.Trim();
        return trimmed.StartsWith("1..", StringComparison.Ordinal)
            && int.TryParse(trimmed.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    public static bool TryParseInfo(string line, out string key, out string value)
    {
        key = value = "";
        if (!line.StartsWith(InfoPrefix, StringComparison.Ordinal))
            return false;
        var rest = line[InfoPrefix.Length..];
        var equals = rest.IndexOf('=');
        if (equals <= 0)
            return false;
        key = rest[..equals];
        value = rest[(equals + 1)..].Trim();
        return true;
    }

    public static bool TryParseDone(string line, out int exitCode)
    {
        exitCode = 0;
        return line.StartsWith(DonePrefix, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(DonePrefix.Length).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exitCode);
    }

    public static bool TryParseCounters(string line, out string scenario, out IReadOnlyDictionary<string, long> counters)
    {
        counters = new Dictionary<string, long>();
        if (!TrySplitScenarioDiagnostic(line, CountersWord, out scenario, out var rest))
            return false;
        var parsed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !long.TryParse(pair.AsSpan(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return false;
            parsed[pair[..equals]] = value;
        }
        counters = parsed;
        return true;
    }

    public static bool TryParseEvidence(string line, out string scenario, out string text) =>
        TrySplitScenarioDiagnostic(line, EvidenceWord, out scenario, out text);

    public static bool TryParseResult(string line, out KtapResult result)
    {
        result = default!;
        var trimmed = line.Trim();
        bool ok;
        string rest;
        if (trimmed.StartsWith("ok ", StringComparison.Ordinal)) { ok = true; rest = trimmed[3..]; }
        else if (trimmed.StartsWith("not ok ", StringComparison.Ordinal)) { ok = false; rest = trimmed[7..]; }
        else return false;

        var space = rest.IndexOf(' ');
        var numberText = space < 0 ? rest : rest[..space];
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return false;
        var afterNumber = space < 0 ? "" : rest[(space + 1)..];
        string name = afterNumber, directive = "";
        var hash = afterNumber.IndexOf('#');
        if (hash >= 0)
        {
            name = afterNumber[..hash];
            directive = afterNumber[(hash + 1)..].Trim();
        }
        name = name.Trim();
        if (name.StartsWith("- ", StringComparison.Ordinal))
            name = name[2..].Trim();

        var verdict = ok ? ScenarioVerdict.Pass : ScenarioVerdict.Fail;
        string? reason = directive.Length == 0 ? null : directive;
        if (StartsWithWord(directive, SkipDirective))
        {
            verdict = ScenarioVerdict.Skip;
            reason = directive[SkipDirective.Length..].Trim();
        }
        else if (!ok && StartsWithWord(directive, ErrorDirective))
        {
            verdict = ScenarioVerdict.Error;
            reason = directive[ErrorDirective.Length..].Trim();
        }
        result = new KtapResult(number, name, verdict, reason);
        return true;
    }

    static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || char.IsWhiteSpace(text[word.Length]));

    static bool TrySplitScenarioDiagnostic(string line, string word, out string scenario, out string rest)
    {
        scenario = rest = "";
        if (!line.StartsWith("# ", StringComparison.Ordinal))
            return false;
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
            return false;
        var afterColon = line[(colon + 2)..];
        if (!afterColon.StartsWith(word, StringComparison.Ordinal)
            || (afterColon.Length > word.Length && afterColon[word.Length] != ' '))
            return false;
        scenario = line[2..colon];
        rest = afterColon[word.Length..].Trim();
        return scenario.Length > 0 && !scenario.Contains(' ');
    }
}
