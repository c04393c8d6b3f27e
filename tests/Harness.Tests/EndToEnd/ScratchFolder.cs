namespace Harness.Tests.EndToEnd;

/// <summary>A temporary folder for one test's matrix, kernel and results, removed afterwards.</summary>
sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-e2e-").FullName;

    public string Results => System.IO.Path.Combine(Path, "results");

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>A file that passes for a bzImage: the x86 boot protocol's "HdrS" at 0x202, as long as its header says.</summary>
    public string FakeBzImage(string name = "bzImage") => WriteBytes(name, Kernels.FakeBzImage.Bytes());

    public string WriteBytes(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Every file under the results folder with its content, to show that a failed run changed nothing.</summary>
    public IReadOnlyDictionary<string, string> ResultsSnapshot() =>
        Directory.Exists(Results)
            ? Directory.EnumerateFileSystemEntries(Results, "*", SearchOption.AllDirectories)
                .ToDictionary(p => p, p => File.Exists(p) ? File.ReadAllText(p) : "<dir>")
            : new Dictionary<string, string>();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
