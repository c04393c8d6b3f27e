using Harness.Config;

namespace Harness.Tests.Config;

/// <summary>The reference's example is the first thing users copy, so it must stay loadable.</summary>
public class KernelsYamlReferenceTests
{
    [Test]
    public void The_example_in_the_reference_loads_with_the_settings_it_describes()
    {
        // Read as if it were the checkout's kernels.yaml: the build example names the repository's own patch.
        var matrix = MatrixLoader.Parse(ExampleYaml(), Path.Combine(TestPaths.RepositoryRoot, "kernels.yaml"));

        var myBuild = matrix.Kernels.Single(kernel => kernel.Name == "my-build");
        var control = matrix.Kernels.Single(kernel => kernel.Name == "control-5.10-fork");
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Kernels.Select(kernel => kernel.Name), Is.EqualTo(new[] { "bookworm", "control-5.10-fork", "my-build" }));
            Assert.That(control.Expect, Is.EqualTo(Expectation.FailIn(global::Protocol.ScenarioNames.ForkCpuId)));
            Assert.That(control.Source, Is.TypeOf<BuildKernelSource>().With.Property(nameof(BuildKernelSource.Selftests)).True);
            Assert.That(myBuild.Machine.Cpus, Is.EqualTo(2));
            Assert.That(myBuild.Machine.Guest, Is.EqualTo(matrix.Defaults.Machine.Guest with { Threads = 2 }));
        });
    }

    [Test]
    public void The_reference_names_every_scenario_the_guest_knows()
    {
        var reference = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "harness", "Config", "README-kernels-yaml.md"));

        foreach (var name in global::Protocol.ScenarioNames.All)
            Assert.That(reference, Does.Contain($"`{name}`"), name);
    }

    private static string ExampleYaml()
    {
        var reference = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "harness", "Config", "README-kernels-yaml.md"));
        var start = reference.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return reference[start..reference.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
