namespace Harness.Tests.Config;

/// <summary>
/// The folder the Config tests' matrix texts are read "from": the loader resolves a <c>path:</c>
/// source against the matrix file's folder and refuses a file that is not there, so the kernels these
/// texts name (<c>bzImage</c>, <c>a</c>, <c>b</c>, <c>other</c>, and <c>../out/bzImage</c>) exist here.
/// Made once for the namespace's fixtures, which only read it, and removed after them.
/// </summary>
[SetUpFixture]
public sealed class MatrixFolder
{
    static readonly string[] Kernels = ["conf/bzImage", "conf/a", "conf/b", "conf/other", "out/bzImage"];

    static string? _root;

    /// <summary>The folder above the matrix's: it holds <c>conf/</c> (the matrix's) and <c>out/</c>.</summary>
    public static string Root => _root ?? throw new InvalidOperationException("the Config tests' matrix folder is made by its SetUpFixture");

    /// <summary>The matrix file's folder, <c>conf/</c>.</summary>
    public static string Directory => Path.Combine(Root, "conf");

    /// <summary>Where the matrix texts are read from (the file itself is never written).</summary>
    public static string FilePath => Path.Combine(Directory, "kernels.yaml");

    [OneTimeSetUp]
    public void CreateKernels()
    {
        _root = System.IO.Directory.CreateTempSubdirectory("matrix-folder-").FullName;
        foreach (var kernel in Kernels)
        {
            var path = Path.Combine(Root, kernel);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }

    [OneTimeTearDown]
    public void RemoveKernels() => System.IO.Directory.Delete(Root, recursive: true);
}
