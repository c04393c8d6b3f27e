using Harness.Records;

namespace Harness.Tests.Reports;

/// <summary>
/// The runs the exporters are tested on, read back from run.json as <c>harness report</c> reads them.
/// </summary>
static class RecordedRuns
{
    static string TestFile(params string[] parts) => Path.Combine([TestContext.CurrentContext.TestDirectory, .. parts]);

    /// <summary>
    /// Golden/recorded-run.json: a real run of the default matrix on the development machine (TCG,
    /// 2026-11-29) cut to four kernels: bullseye-5.10 (PASS and SKIP), control-5.10-fork (its expected
    /// FAILs and the selftest columns), trixie-6.12 (all PASS) and build-7.2 as a Ctrl-C left it in
    /// an earlier real run (ERROR in every scenario, never booted). Written as schema 3, with the
    /// provenance the harness records (the patch and fragment hashes are the repository's); the
    /// matrix and build log paths are neutral instead of the machine's.
    /// </summary>
    public static RunRecord Recorded() => RunRecordJson.Deserialize(File.ReadAllText(TestFile("Reports", "Golden", "recorded-run.json")));

    /// <summary>A run.json of schema 2 (no provenance), which must still render.</summary>
    public static RunRecord SchemaTwo() => RunRecordJson.Deserialize(File.ReadAllText(TestFile("Records", "Golden", "run.v2.json")));

    public static string Schema(string name) => TestFile("Reports", "Schemas", name);
}
