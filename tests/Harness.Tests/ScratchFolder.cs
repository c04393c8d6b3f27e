namespace Harness.Tests;

/// <summary>A fresh folder under the system temp folder for one test (a matrix, a kernel, a cache, results), removed on dispose: the one temp-folder helper of the tests.</summary>
sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-tests-").FullName;

    public string Results => System.IO.Path.Combine(Path, "results");

    /// <summary>A path inside the folder (the file need not exist).</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    /// <summary>A file that passes for a bzImage: the x86 boot protocol's "HdrS" at 0x202, as long as its header says.</summary>
    public string FakeBzImage(string name = "bzImage") => WriteBytes(name, Kernels.FakeBzImage.Bytes());

    public string WriteBytes(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Every file under the results folder with its content, to show that a failed run changed nothing.</summary>
    public IReadOnlyDictionary<string, string> ResultsSnapshot() =>
        Directory.Exists(Results)
            ? Directory.EnumerateFileSystemEntries(Results, "*", SearchOption.AllDirectories)
                .ToDictionary(p => p, p => System.IO.File.Exists(p) ? System.IO.File.ReadAllText(p) : "<dir>")
            : new Dictionary<string, string>();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
