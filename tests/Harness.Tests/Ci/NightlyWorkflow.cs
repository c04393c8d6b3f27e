using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Ci;

/// <summary>.github/workflows/nightly.yml, read as YAML, and the harness command lines of its steps.</summary>
static partial class NightlyWorkflow
{
    public static string Path => System.IO.Path.Combine(TestPaths.RepositoryRoot, ".github", "workflows", "nightly.yml");

    public static YamlMappingNode Read(string? text = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text ?? File.ReadAllText(Path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Job(YamlMappingNode workflow, string name) => (YamlMappingNode)((YamlMappingNode)workflow["jobs"])[name];

    public static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();

    public static string? Uses(YamlMappingNode step) => step.Children.TryGetValue("uses", out var uses) ? ((YamlScalarNode)uses).Value : null;

    /// <summary>
    /// Every <c>$HARNESS verb …</c> of the run scripts as the harness would get its arguments:
    /// quotes dropped, the command ended at <c>||</c> or <c>|</c>, expressions and variables given
    /// values of the shape they have in CI (a shard number, the job total, a run id).
    /// </summary>
    public static IReadOnlyList<string[]> HarnessCommandLines(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values.Cast<YamlMappingNode>()
            .SelectMany(Steps)
            .Where(step => step.Children.ContainsKey("run"))
            .SelectMany(step => ((YamlScalarNode)step["run"]).Value!.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("$HARNESS ", StringComparison.Ordinal))
            .Select(line => Arguments(line["$HARNESS ".Length..]))
            .ToList();

    static string[] Arguments(string line)
    {
        var command = Regex.Split(line, @"\s\|\|?\s")[0];
        command = command.Replace("${{ matrix.shard }}", "1");
        command = Expression().Replace(command, "3");
        command = Variable().Replace(command, "nightly-1");
        return command.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The harness's verbs, each made as Program.cs makes it: every command class's <c>Create()</c>.</summary>
    public static RootCommand HarnessVerbs()
    {
        var root = new RootCommand();
        foreach (var type in typeof(global::Harness.Commands.RunCommand).Assembly.GetTypes().Where(t => t.Namespace == "Harness.Commands"))
        {
            if (type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes) is { ReturnType: var returns } create && returns == typeof(Command))
                root.Subcommands.Add((Command)create.Invoke(null, null)!);
        }
        return root;
    }

    [GeneratedRegex(@"\$\{\{[^}]*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\$[A-Z_]+")]
    private static partial Regex Variable();
}
