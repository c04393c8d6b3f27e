using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Judging;
using Harness.Records;
using Harness.Records.Json;
using Harness.Vm;
using Protocol;

namespace Harness.Reports.Kcidb;

/// <summary>
/// kcidb.json: the run in KernelCI's common report format (KCIDB I/O schema v5.3), ready for
/// <c>kcidb-submit</c>: per kernel a checkout (where its source came from), a build (how its image
/// was made; see <see cref="KcidbSources"/>) and a test per scenario and repeat, with the outcome
/// words KCIDB shares with the harness (PASS, FAIL, ERROR, SKIP). Identifiers are
/// <c>rseq_harness:&lt;run id&gt;:&lt;kernel&gt;[:&lt;repeat&gt;:&lt;scenario&gt;]</c>, so two runs never clash. KCIDB
/// allows no nulls: a field the run does not know is left out. Valid against
/// tests/Harness.Tests/Reports/Schemas/schema-v5.3.json.
/// </summary>
public sealed class KcidbExporter : IRunExporter
{
    /// <summary>The CI system's name in every identifier. Submitting to KernelCI's database takes an origin its maintainers grant.</summary>
    public const string Origin = "rseq_harness";

    /// <summary>A log excerpt's limit in the schema.</summary>
    const int MaxExcerpt = 16384;

    public string FileName => "kcidb.json";

    public string Render(RunRecord run)
    {
        var kernels = RowOrder.Of(run.Kernels);
        // One checkout and one build per kernel of the matrix; its repeats are tests of the same build.
        var firstBoots = kernels.GroupBy(k => k.Name).Select(g => g.First()).ToList();
        var document = new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray([.. firstBoots.Select(k => (JsonNode)KcidbSources.Checkout(run, k, CheckoutId(run, k)))]),
            ["builds"] = new JsonArray([.. firstBoots.Select(k => (JsonNode)KcidbSources.Build(k, BuildId(run, k), CheckoutId(run, k)))]),
            ["tests"] = new JsonArray([.. kernels.SelectMany(k => k.Scenarios.Select(s => (JsonNode)Test(run, k, s)))]),
        };
        return Write(document);
    }

    static string CheckoutId(RunRecord run, KernelResult kernel) => $"{Origin}:{run.RunId}:{kernel.Name}";

    static string BuildId(RunRecord run, KernelResult kernel) => $"{Origin}:{run.RunId}:{kernel.Name}";

    static JsonObject Test(RunRecord run, KernelResult kernel, ScenarioOutcome outcome)
    {
        var test = new JsonObject
        {
            ["id"] = $"{Origin}:{run.RunId}:{kernel.Name}:{kernel.Repeat}:{outcome.Scenario}",
            ["build_id"] = BuildId(run, kernel),
            ["origin"] = Origin,
            ["path"] = TestPath(outcome.Scenario),
            ["status"] = VerdictWords.Word(outcome.Outcome),
            ["comment"] = Clean($"{outcome.Scenario} on {RowOrder.Label(kernel)}: {outcome.Reason ?? VerdictWords.Word(outcome.Outcome)}"),
            ["environment"] = new JsonObject
            {
                ["comment"] = Clean($"{run.Vm.QemuVersion}, accel {run.Vm.Accel?.Word() ?? "none"}, on {run.Host.Os}"),
                ["misc"] = new JsonObject
                {
                    ["host"] = Clean(run.Host.Name),
                    ["host_kernel"] = Clean(run.Host.KernelRelease),
                    ["host_cpus"] = run.Host.Cpus,
                    ["qemu"] = Clean(run.Vm.QemuVersion),
                    ["accel"] = run.Vm.Accel?.Word() ?? "none",
                    ["accel_reason"] = Clean(run.Vm.AccelReason),
                    ["guest_image"] = run.Guest.ContentHash,
                    ["harness_version"] = Clean(run.HarnessVersion),
                },
            },
        };
        if (outcome.Evidence.Count > 0)
            test["log_excerpt"] = Excerpt(string.Join("\n", outcome.Evidence));
        if (outcome.Counters.TryGetValue(CounterNames.ElapsedMs, out var elapsed))
            test["duration"] = elapsed / 1000.0;
        var misc = new JsonObject
        {
            ["run_id"] = run.RunId,
            ["kernel"] = kernel.Name,
            ["repeat"] = kernel.Repeat,
            ["expect"] = kernel.Expect.Describe(),
            ["met_expectation"] = kernel.MetExpectation,
            ["outcome_source"] = Words.Write(outcome.Source),
            ["counters"] = new JsonObject([.. outcome.Counters.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]),
        };
        if (kernel.KernelRelease is { } release)
            misc["kernel_release"] = Clean(release);
        if (kernel.ConsoleLog is { } console)
            misc["console_log"] = Clean(console);
        if (kernel.ResultsLog is { } ktap)
            misc["ktap_log"] = Clean(ktap);
        test["misc"] = misc;
        return test;
    }

    /// <summary>
    /// The scenario as a KCIDB test path, under <c>rseq</c>: path segments allow letters, digits, '_'
    /// and '-', so a selftest's "selftest:basic_test" becomes "rseq.selftest.basic_test".
    /// </summary>
    public static string TestPath(string scenario)
    {
        var segments = scenario.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => new string([.. segment.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]));
        return string.Join(".", ["rseq", .. segments]);
    }

    /// <summary>KCIDB's strings may not hold NUL (every text field's pattern is <c>^[^\0]*$</c>).</summary>
    internal static string Clean(string text) => text.Replace('\0', '\uFFFD');

    static string Excerpt(string text)
    {
        var clean = Clean(text);
        return clean.Length <= MaxExcerpt ? clean : clean[..(MaxExcerpt - 1)] + "…";
    }

    static string Write(JsonObject document)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps '+' and quotes readable (a Debian version, a QEMU banner); it still escapes what JSON requires.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.WriteTo(json);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
