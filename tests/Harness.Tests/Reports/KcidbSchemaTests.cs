using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Records;
using Harness.Reports.Kcidb;
using Harness.Tests.Records;
using Json.Schema;

namespace Harness.Tests.Reports;

/// <summary>kcidb.json against KCIDB's v5.3 JSON schema (Schemas/README.md), and the provenance it carries.</summary>
public class KcidbSchemaTests
{
    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RecordedRuns.Schema("schema-v5.3.json"))));

    /// <summary>The schema's complaints, formats (uri, date-time, email) included: the validator checks them only when asked.</summary>
    static List<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData((Func<RunRecord>)RecordedRuns.Recorded).SetArgDisplayNames("recorded run");
        yield return new TestCaseData((Func<RunRecord>)SampleRun.Full).SetArgDisplayNames("every field set");
        yield return new TestCaseData((Func<RunRecord>)RecordedRuns.SchemaTwo).SetArgDisplayNames("schema 2");
    }

    static JsonNode Render(RunRecord run) => JsonNode.Parse(new KcidbExporter().Render(run))!;

    static JsonNode ById(JsonNode document, string list, string idEnd) =>
        document[list]!.AsArray().Single(o => o!["id"]!.GetValue<string>().EndsWith(idEnd, StringComparison.Ordinal))!;

    [TestCaseSource(nameof(Runs))]
    public void The_kcidb_file_is_valid_against_the_v5_3_schema(Func<RunRecord> run)
    {
        Assert.That(Problems(new KcidbExporter().Render(run())), Is.Empty);
    }

    [Test]
    public void The_schema_check_rejects_a_status_kcidb_does_not_know_and_a_null()
    {
        var document = Render(RecordedRuns.Recorded());
        document["tests"]![0]!["status"] = "BROKEN";
        document["builds"]![0]!["compiler"] = null;

        var problems = Problems(document.ToJsonString());

        Assert.That(problems, Has.Some.Contains("/tests/0/status"));
        Assert.That(problems, Has.Some.Contains("/builds/0/compiler"));
    }

    [Test]
    public void Each_kernel_has_one_checkout_and_one_build_and_each_scenario_a_test_with_its_status()
    {
        var run = RecordedRuns.Recorded();
        var document = Render(run);

        Assert.That(document["checkouts"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(document["builds"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(document["tests"]!.AsArray(), Has.Count.EqualTo(run.Kernels.Sum(k => k.Scenarios.Count)));
        var fail = ById(document, "tests", ":control-5.10-fork:1:fork_cpu_id");
        Assert.That(fail["status"]!.GetValue<string>(), Is.EqualTo("FAIL"));
        Assert.That(fail["path"]!.GetValue<string>(), Is.EqualTo("rseq.fork_cpu_id"));
        Assert.That(fail["build_id"]!.GetValue<string>(), Is.EqualTo("rseq_harness:20261129-125847:control-5.10-fork"));
        Assert.That(fail["log_excerpt"]!.GetValue<string>(), Does.Contain("stale_rounds=8/8"));
        Assert.That(ById(document, "tests", ":build-7.2:1:cs_abort")["status"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(ById(document, "tests", ":bullseye-5.10:1:node_id_mm_cid")["status"]!.GetValue<string>(), Is.EqualTo("SKIP"));
        Assert.That(ById(document, "tests", ":control-5.10-fork:1:selftest:basic_test")["path"]!.GetValue<string>(), Is.EqualTo("rseq.selftest.basic_test"));
    }

    [Test]
    public void A_debian_kernel_carries_its_package_version_and_suite()
    {
        var checkout = ById(Render(RecordedRuns.Recorded()), "checkouts", ":bullseye-5.10");

        Assert.That(checkout["tree_name"]!.GetValue<string>(), Is.EqualTo("debian"));
        Assert.That(checkout["misc"]!["debian_package"]!.GetValue<string>(), Is.EqualTo("linux-image-5.10.0-32-amd64"));
        Assert.That(checkout["misc"]!["debian_version"]!.GetValue<string>(), Is.EqualTo("5.10.223-1"));
        Assert.That(checkout["misc"]!["debian_suite"]!.GetValue<string>(), Is.EqualTo("bullseye"));
    }

    [Test]
    public void A_built_kernel_carries_its_commit_patchset_hash_fragment_and_compiler()
    {
        var document = Render(SampleRun.Full());
        var checkout = ById(document, "checkouts", ":control-5.10-fork");
        var build = ById(document, "builds", ":control-5.10-fork");

        Assert.That(checkout["git_commit_hash"]!.GetValue<string>(), Is.EqualTo("0123456789abcdef0123456789abcdef01234567"));
        // KCIDB's definition: sha256sum *.patch | cut -c-64 | sha256sum, over the patches' hashes "cd" and "ef".
        Assert.That(checkout["patchset_hash"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("cd\nef\n")))));
        Assert.That(checkout["misc"]!["uncommitted_changes_sha256"]!.GetValue<string>(), Is.EqualTo("fedcba9876543210"));
        Assert.That(build["compiler"]!.GetValue<string>(), Is.EqualTo("gcc (Debian 12.2.0-14) 12.2.0"));
        Assert.That(build["misc"]!["config_fragment_sha256"]!.GetValue<string>(), Is.EqualTo("12"));
        Assert.That(build["misc"]!["build_key"]!.GetValue<string>(), Is.EqualTo("0123456789abcdef"));
        Assert.That(build["duration"]!.GetValue<double>(), Is.EqualTo(312));
    }

    [Test]
    public void A_kernel_that_could_not_be_had_has_a_build_without_a_status()
    {
        var build = ById(Render(RecordedRuns.Recorded()), "builds", ":build-7.2");

        Assert.That(build["status"], Is.Null);
        Assert.That(build["log_excerpt"]!.GetValue<string>(), Is.EqualTo("cancelled: the run was interrupted before this kernel"));
    }
}
