using System.Security.Cryptography;

namespace Harness.Tests.EndToEnd;

/// <summary>Every file of a folder with a hash of its bytes, to show that a later run changed nothing in it.</summary>
static class FolderSnapshot
{
    public static IReadOnlyDictionary<string, string> Of(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                path => Path.GetRelativePath(folder, path),
                path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
}
