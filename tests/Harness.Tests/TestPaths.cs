namespace Harness.Tests;

/// <summary>Where the tests find the checkout, whichever test project runs them.</summary>
static class TestPaths
{
    /// <summary>The checkout: the folder above the tests' output that holds Harness.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
                    return folder.FullName;
            }
            throw new InvalidOperationException("Harness.sln not found above the test directory");
        }
    }
}
