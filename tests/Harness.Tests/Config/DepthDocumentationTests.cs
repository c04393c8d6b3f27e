using System.Globalization;
using Protocol;

namespace Harness.Tests.Config;

/// <summary>The README's depth table is what users pick a depth by: it must say what the code does.</summary>
public class DepthDocumentationTests
{
    [Test]
    public void The_readme_states_each_depths_multiple_and_cap_as_the_code_has_them()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var depth in Enum.GetValues<StressDepth>())
        {
            var profile = StressDepthProfile.Of(depth);
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {profile.StressMultiple}× | {profile.CapSeconds} s |");
            Assert.That(readme, Does.Contain($"| `{StressDepthProfile.NameOf(depth)}`"), depth.ToString());
            Assert.That(readme, Does.Contain(row), depth.ToString());
        }
    }

    [Test]
    public void The_kernels_yaml_reference_names_every_depth()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryRoot(), "harness", "Config", "README-kernels-yaml.md"));

        Assert.That(reference, Does.Contain(string.Join(" \\| ", StressDepthProfile.Names.Select(name => $"`{name}`"))));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harness.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Harness.sln not found above the test directory");
    }
}
