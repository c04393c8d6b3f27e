using System.Globalization;
using System.Text;
using Harness.Judging;
using Protocol;

namespace Harness.Reports.Html;

/// <summary>
/// The stress each kernel reached, per scenario, as inline SVG: a bar per kernel of the scenario's
/// lowest counter as a multiple of its minimum, on a log scale shared by every panel, with the
/// minimum and the aim of the run's depth marked. The table says PASS; only the picture shows a
/// PASS that scraped over its minimum beside one with a hundred times the stress.
/// </summary>
static class StressChart
{
    const int LabelWidth = 150, PlotWidth = 220, ValueWidth = 70, RowHeight = 18, Top = 20;
    const double Lowest = 0.1;

    public static void Write(StringBuilder html, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> columns)
    {
        var panels = columns
            .Where(column => rows.Any(row => row.Outcome(column) is { } outcome && StressMinimums.Lowest(outcome) is not null))
            .ToList();
        if (panels.Count == 0)
            return;
        var largest = rows.SelectMany(row => panels.Select(row.Outcome)).OfType<ScenarioOutcome>()
            .Select(StressMinimums.Lowest).OfType<StressReading>().Max(reading => reading.Multiple);
        // One scale for every panel, so bars compare across scenarios; at least up to 100×, past the standard aim.
        var highest = Math.Pow(10, Math.Max(2, Math.Ceiling(Math.Log10(Math.Max(largest, 1)))));
        html.AppendLine("<section id=\"stress\"><h2>Stress per kernel</h2>");
        html.AppendLine("<p class=\"muted\">Each bar: the scenario's stress as a multiple of the least its verdict needs (the counter " +
                        "closest to its minimum; log scale). Dashed red line: the minimum, below which a PASS would be an ERROR " +
                        "&ldquo;insufficient stress&rdquo;. Grey tick: the multiple the guest aimed for (its depth). Colour: the outcome.</p>");
        html.AppendLine("<div class=\"charts\">");
        foreach (var scenario in panels)
            WritePanel(html, rows, scenario, highest);
        html.AppendLine("</div></section>");
    }

    static void WritePanel(StringBuilder html, IReadOnlyList<ReportRow> rows, string scenario, double highest)
    {
        var minimums = string.Join(", ", StressMinimums.For(scenario).Select(m => $"{m.Counter} ≥ {Html.Number(m.Minimum)}"));
        var width = LabelWidth + PlotWidth + ValueWidth;
        var height = Top + rows.Count * RowHeight + 4;
        html.Append("<figure class=\"chart\"><figcaption>").Append(Html.Encode(scenario))
            .Append(" <span class=\"muted\">(").Append(Html.Encode(minimums)).AppendLine(")</span></figcaption>");
        html.Append(Svg($"<svg class=\"stress\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\""))
            .Append(Html.Encode($"stress of {scenario} per kernel, as a multiple of its minimum")).AppendLine("\">");
        for (var power = Lowest; power <= highest * 1.0001; power *= 10)
        {
            var x = X(power, highest);
            html.AppendLine(Svg($"<line class=\"{(Math.Abs(power - 1) < 1e-9 ? "minimum" : "axis")}\" x1=\"{x:0.#}\" y1=\"{Top - 4}\" x2=\"{x:0.#}\" y2=\"{height - 2}\"/>"));
            html.AppendLine(Svg($"<text x=\"{x:0.#}\" y=\"{Top - 7}\" text-anchor=\"middle\">{Multiple(power)}</text>"));
        }
        for (var index = 0; index < rows.Count; index++)
            WriteBar(html, rows[index], scenario, Top + index * RowHeight, highest);
        html.AppendLine("</svg></figure>");
    }

    static void WriteBar(StringBuilder html, ReportRow row, string scenario, int y, double highest)
    {
        var middle = y + RowHeight / 2 + 4;
        html.Append(Svg($"<text x=\"{LabelWidth - 6}\" y=\"{middle}\" text-anchor=\"end\">")).Append(Html.Encode(Shorten(row.Label))).AppendLine("</text>");
        var outcome = row.Outcome(scenario);
        var reading = outcome is null ? null : StressMinimums.Lowest(outcome);
        if (outcome is null || reading is null)
        {
            var word = outcome is null ? "not run" : $"{VerdictWords.Word(outcome.Outcome)}, no counters";
            html.Append(Svg($"<text class=\"none\" x=\"{LabelWidth + 4}\" y=\"{middle}\">")).Append(Html.Encode(word)).AppendLine("</text>");
            return;
        }
        var end = X(reading.Multiple, highest);
        var left = X(Lowest, highest);
        var title = $"{row.Label} {scenario}: {reading.Counter} {Html.Number(reading.Value)} = {Multiple(reading.Multiple)} the minimum {Html.Number(reading.Minimum)} ({VerdictWords.Word(outcome.Outcome)})";
        html.Append(Svg($"<rect class=\"{OutcomeGrid.ClassOf(outcome.Outcome)}\" x=\"{left:0.#}\" y=\"{y + 3}\" width=\"{Math.Max(end - left, 1):0.#}\" height=\"{RowHeight - 6}\">"))
            .Append("<title>").Append(Html.Encode(title)).AppendLine("</title></rect>");
        if (Aim(row) is { } aim)
        {
            var x = X(aim, highest);
            html.AppendLine(Svg($"<line class=\"target\" x1=\"{x:0.#}\" y1=\"{y + 1}\" x2=\"{x:0.#}\" y2=\"{y + RowHeight - 1}\"/>"));
        }
        html.AppendLine(Svg($"<text x=\"{end + 4:0.#}\" y=\"{middle}\">{Multiple(reading.Multiple)}</text>"));
    }

    /// <summary>The multiple of its minimums the guest aimed for, as it reported it; null for a guest older than the depths.</summary>
    static double? Aim(ReportRow row) =>
        row.Kernel.GuestInfo.TryGetValue(InfoKeys.StressMultiple, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var multiple) && multiple > 0
            ? multiple
            : null;

    static double X(double multiple, double highest)
    {
        var clamped = Math.Clamp(multiple, Lowest, highest);
        return LabelWidth + PlotWidth * (Math.Log10(clamped) - Math.Log10(Lowest)) / (Math.Log10(highest) - Math.Log10(Lowest));
    }

    static string Multiple(double multiple) => (multiple is > 0 and < 1 ? Html.Number(multiple, "0.0#") : multiple < 100 ? Html.Number(multiple, "0.#") : Html.Number(multiple, "N0")) + "×";

    static string Shorten(string label) => label.Length <= 24 ? label : label[..23] + "…";

    /// <summary>Markup made only of numbers and fixed words, formatted without the culture's decimal comma.</summary>
    static string Svg(FormattableString markup) => markup.ToString(CultureInfo.InvariantCulture);
}
