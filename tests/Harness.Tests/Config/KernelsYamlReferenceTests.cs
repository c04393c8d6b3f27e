using Harness.Config;

namespace Harness.Tests.Config;

/// <summary>The reference's example is the first thing users copy, so it must stay loadable.</summary>
public class KernelsYamlReferenceTests
{
    [Test]
    public void The_example_in_the_reference_loads_with_the_settings_it_describes()
    {
        // Read as a checkout's kernels.yaml, beside the files it names: the repository's own patch and
        // fragment, and the user's image in ../out/ (the loader refuses a file that is not there).
        using var scratch = new ScratchFolder();
        var checkout = Path.Combine(scratch.Path, "checkout");
        foreach (var file in new[] { "patches/5.10/0001-revert-rseq-migrate-on-fork.patch", "configs/rseq-guest.config" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(checkout, file))!);
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, file), Path.Combine(checkout, file));
        }
        Directory.CreateDirectory(Path.Combine(scratch.Path, "out"));
        scratch.FakeBzImage(Path.Combine("out", "bzImage"));
        var matrix = MatrixLoader.Parse(ExampleYaml(), Path.Combine(checkout, "kernels.yaml"));

        var myBuild = matrix.Kernels.Single(kernel => kernel.Name == "my-build");
        var control = matrix.Kernels.Single(kernel => kernel.Name == "control-5.10-fork");
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Kernels.Select(kernel => kernel.Name), Is.EqualTo(new[] { "bookworm", "control-5.10-fork", "my-build" }));
            Assert.That(control.Expect, Is.EqualTo(Expectation.FailIn(global::Protocol.ScenarioNames.ForkCpuId)));
            Assert.That(control.Source, Is.TypeOf<BuildKernelSource>().With.Property(nameof(BuildKernelSource.Selftests)).True);
            Assert.That(myBuild.Source, Is.EqualTo(new PathKernelSource(Path.Combine(scratch.Path, "out", "bzImage"))));
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
