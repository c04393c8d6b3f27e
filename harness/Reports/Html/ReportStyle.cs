namespace Harness.Reports.Html;

/// <summary>
/// The report's only style sheet, inline: report.html must open with no network (an artifact
/// downloaded from CI, a file on an air-gapped box), so nothing is fetched, not even a font.
/// </summary>
static class ReportStyle
{
    public const string Css = """
        :root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --error: #9a6700; --error-bg: #fff1c2;
                --skip: #57606a; --skip-bg: #eaeef2; --line: #d0d7de; --text: #1f2328; --muted: #57606a; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); margin: 1.5rem; max-width: 1400px; }
        h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; } h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        .verdict { display: inline-block; padding: .2rem .6rem; border-radius: 4px; font-weight: 600; }
        .verdict.met { background: var(--pass-bg); color: var(--pass); } .verdict.missed { background: var(--fail-bg); color: var(--fail); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .filters { margin: .5rem 0; display: flex; gap: .4rem; flex-wrap: wrap; align-items: center; }
        .filters button { font: inherit; border: 1px solid var(--line); background: #f6f8fa; border-radius: 999px; padding: .15rem .7rem; cursor: pointer; }
        .filters button[aria-pressed="true"] { background: var(--text); color: #fff; border-color: var(--text); }
        .filters .shown { color: var(--muted); margin-left: .5rem; }
        .grid-wrap { overflow-x: auto; }
        table.grid { border-collapse: collapse; font-size: 13px; }
        table.grid th, table.grid td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; white-space: nowrap; }
        table.grid thead th { background: #f6f8fa; position: sticky; top: 0; }
        table.grid th.scenario { writing-mode: vertical-rl; transform: rotate(180deg); vertical-align: bottom; font-weight: 500; }
        td.outcome { text-align: center; font-weight: 600; padding: 0; }
        td.outcome a { display: block; padding: .25rem .45rem; color: inherit; text-decoration: none; }
        td.outcome a:hover, td.outcome a:focus { outline: 2px solid var(--text); outline-offset: -2px; }
        td.pass { background: var(--pass-bg); color: var(--pass); } td.fail { background: var(--fail-bg); color: var(--fail); }
        td.error { background: var(--error-bg); color: var(--error); } td.skip { background: var(--skip-bg); color: var(--skip); }
        td.none { color: var(--muted); }
        td.miss { box-shadow: inset 0 0 0 3px var(--fail); }
        td.expected { background: repeating-linear-gradient(135deg, var(--fail-bg) 0 6px, #fff 6px 12px); }
        td.dim { opacity: .25; }
        .mark { display: block; font-size: 10px; font-weight: 500; }
        td.met-yes { color: var(--pass); } td.met-no { color: var(--fail); font-weight: 700; }
        .legend { color: var(--muted); font-size: 12px; margin: .4rem 0; }
        .legend span.swatch { display: inline-block; min-width: 3.2rem; text-align: center; padding: 0 .3rem; margin-right: .2rem; font-weight: 600; border: 1px solid var(--line); }
        .legend .pass { background: var(--pass-bg); color: var(--pass); } .legend .fail { background: var(--fail-bg); color: var(--fail); }
        .legend .error { background: var(--error-bg); color: var(--error); } .legend .skip { background: var(--skip-bg); color: var(--skip); }
        .legend .expected { background: repeating-linear-gradient(135deg, var(--fail-bg) 0 6px, #fff 6px 12px); color: var(--fail); }
        .legend .miss { box-shadow: inset 0 0 0 3px var(--fail); }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(430px, 1fr)); gap: .75rem 1.5rem; }
        figure.chart { margin: 0; } figure.chart figcaption { font-weight: 600; margin-bottom: .2rem; }
        svg.stress text { font: 11px system-ui, sans-serif; fill: var(--text); }
        svg.stress .axis { stroke: var(--line); } svg.stress .minimum { stroke: var(--fail); stroke-dasharray: 3 2; }
        svg.stress .target { stroke: var(--muted); stroke-dasharray: 1 2; }
        svg.stress rect.pass { fill: var(--pass); } svg.stress rect.fail { fill: var(--fail); }
        svg.stress rect.error { fill: #bf8700; } svg.stress rect.skip { fill: var(--skip); }
        svg.stress text.none { fill: var(--muted); font-style: italic; }
        section.kernel { border-top: 1px solid var(--line); margin-top: 1rem; }
        details.evidence { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; margin: .35rem 0; padding: .2rem .6rem; }
        details.evidence.pass { border-left-color: var(--pass); } details.evidence.fail { border-left-color: var(--fail); }
        details.evidence.error { border-left-color: #bf8700; } details.evidence.skip { border-left-color: var(--skip); }
        details.evidence:target { outline: 2px solid var(--text); }
        details.evidence summary { cursor: pointer; }
        pre { background: #f6f8fa; padding: .4rem .6rem; overflow-x: auto; font-size: 12px; margin: .3rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        table.counters { border-collapse: collapse; font-size: 12px; margin: .3rem 0; }
        table.counters td { border-bottom: 1px solid #eaeef2; padding: .05rem .8rem .05rem 0; }
        table.counters td.value { text-align: right; font-variant-numeric: tabular-nums; }
        ul.findings { padding-left: 1.2rem; } .muted { color: var(--muted); }
        a.file { font-family: ui-monospace, monospace; font-size: 12px; } .file.outside { font-family: ui-monospace, monospace; color: var(--muted); }
        """;
}
