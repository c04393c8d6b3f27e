using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Storage;

namespace Harness.GuestImage;

/// <summary>
/// What decides <c>dotnet --version</c> in a folder, as the lines of a <see cref="ToolVersionCache"/>
/// key: the muxer (real path, inode, size, mtime, ctime), the SDKs beside it (<c>sdk/</c>: installing
/// or removing one changes the listing) and the hostfxr that chooses among them (<c>host/fxr/</c>), every
/// global.json from the folder up to / (the muxer takes the nearest, and a new one above counts), and
/// the DOTNET_ variables (DOTNET_ROOT, DOTNET_MULTILEVEL_LOOKUP …, by name and the hash of the value).
/// </summary>
internal static class DotnetSdkCacheKey
{
    /// <returns>The key's lines, or null when the answer cannot be keyed and dotnet must be asked.</returns>
    /// <param name="muxer">The resolved <c>dotnet</c>.</param>
    /// <param name="environment">The process's environment variables.</param>
    public static IReadOnlyList<string>? TryCompute(string muxer, string folder, IDictionary environment)
    {
        try
        {
            return Compute(muxer, folder, environment);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder or global.json that cannot be read: dotnet is asked, and says what it makes of it.
            return null;
        }
    }

    static IReadOnlyList<string>? Compute(string muxer, string folder, IDictionary environment)
    {
        var identity = FileIdentity.TryRead(muxer);
        if (identity is null)
            return null;
        var globalJsons = GlobalJsonsUpFrom(folder);
        // .NET 10's global.json "sdk": { "paths": [...] } adds SDK folders anywhere on disk, whose
        // contents the key would have to follow: such a checkout asks dotnet every time. So does one
        // whose global.json cannot be read, as no one can say what it selects.
        if (globalJsons.Count > 0 && HasSdkPathsOrIsUnreadable(globalJsons[0].Text))
            return null;
        var root = Path.GetDirectoryName(identity.RealPath)!;
        return
        [
            "dotnet --version",
            "muxer " + identity,
            .. Listing(Path.Combine(root, "sdk")),
            .. Listing(Path.Combine(root, "host", "fxr")),
            .. globalJsons.Select(file => $"global.json {file.Path} {file.Text.ReplaceLineEndings("\\n")}"),
            .. environment.Cast<DictionaryEntry>()
                .Select(variable => (Name: (string)variable.Key, Value: (string?)variable.Value))
                .Where(variable => variable.Name.StartsWith("DOTNET_", StringComparison.Ordinal))
                .OrderBy(variable => variable.Name, StringComparer.Ordinal)
                // The value's hash: the key's lines are written into the entry, and a variable may hold a secret.
                .Select(variable => $"env {variable.Name} sha256:{Sha256(variable.Value ?? "")}"),
        ];
    }

    /// <summary>The global.json files from <paramref name="folder"/> up to /, nearest first, as the muxer looks for them.</summary>
    static IReadOnlyList<(string Path, string Text)> GlobalJsonsUpFrom(string folder)
    {
        var found = new List<(string, string)>();
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            var file = Path.Combine(current.FullName, "global.json");
            if (File.Exists(file))
                found.Add((file, File.ReadAllText(file)));
        }
        return found;
    }

    static bool HasSdkPathsOrIsUnreadable(string globalJson)
    {
        try
        {
            using var document = JsonDocument.Parse(globalJson, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            // Matched whatever the case: a "Paths" the muxer might honour is no reason to cache.
            return document.RootElement.ValueKind == JsonValueKind.Object
                && Property(document.RootElement, "sdk") is { ValueKind: JsonValueKind.Object } sdk
                && Property(sdk, "paths") is not null;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static JsonElement? Property(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    /// <summary>A line per entry of <paramref name="folder"/>, in name order; one line saying so when it is missing.</summary>
    static IEnumerable<string> Listing(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder)
                .Order(StringComparer.Ordinal)
                .Select(entry => "entry " + (FileIdentity.TryRead(entry)?.ToString() ?? entry + " unreadable"))
            : [$"absent {folder}"];
}
