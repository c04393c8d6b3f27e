using System.Security.Cryptography;
using System.Text;

namespace Harness.Storage;

/// <summary>
/// A host tool's one-line answer about itself (<c>qemu-system-x86_64 --version</c>, <c>dotnet
/// --version</c>) kept in <c>&lt;cache&gt;/tool-versions/&lt;sha256 of the key&gt;.txt</c>, under a key
/// naming everything that decides the answer (the binary's <see cref="FileIdentity"/>, the files it
/// reads). Starting the tool costs 0.1 to 0.25 s of every run (issue 12), and on a warm host the answer
/// only changes when one of those files does. A cache problem never fails a run: an entry that cannot
/// be read or does not check out is a miss, and one that cannot be written is simply not kept.
/// </summary>
public sealed class ToolVersionCache(string cacheRoot)
{
    public const string FolderName = "tool-versions";

    /// <summary>Bumped when the entry's layout or what a key means changes, so older entries are not read.</summary>
    const int FormatVersion = 1;

    public string Folder => Path.Combine(cacheRoot, FolderName);

    /// <summary>
    /// The answer kept under <paramref name="key"/>, else <paramref name="ask"/>'s, which is then kept.
    /// A failure of <paramref name="ask"/> is thrown as it is and nothing is kept, so the next run asks again.
    /// </summary>
    /// <param name="key">The lines that decide the answer; null when they cannot be known, and then the tool is always asked.</param>
    public async Task<string> GetAsync(IReadOnlyList<string>? key, Func<CancellationToken, Task<string>> ask, CancellationToken ct)
    {
        if (key is null)
            return await ask(ct);
        var keyHash = Sha256($"tool-versions {FormatVersion}\n{string.Join('\n', key)}");
        var path = EntryPath(keyHash);
        if (TryRead(path, keyHash) is { } kept)
            return kept;
        var answer = await ask(ct);
        await TryWriteAsync(path, keyHash, answer, key, ct);
        return answer;
    }

    string EntryPath(string keyHash) => Path.Combine(Folder, $"{keyHash}.txt");

    // An entry: "answer <line>", "check <sha256 of key hash and answer>", then the key's lines, for a
    // reader wondering why it missed. The check line makes a damaged answer (a stray edit, bit rot) a miss.
    static string? TryRead(string path, string keyHash)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (lines.Length < 2 || !lines[0].StartsWith(AnswerPrefix, StringComparison.Ordinal))
            return null;
        var answer = lines[0][AnswerPrefix.Length..];
        return answer.Length > 0 && lines[1] == CheckLine(keyHash, answer) ? answer : null;
    }

    async Task TryWriteAsync(string path, string keyHash, string answer, IReadOnlyList<string> key, CancellationToken ct)
    {
        // A line is all an entry holds; anything else is answered afresh every time rather than kept wrong.
        if (answer.Length == 0 || answer.Contains('\n') || answer.Contains('\r'))
            return;
        var text = string.Join('\n', [AnswerPrefix + answer, CheckLine(keyHash, answer), .. key.Select(line => "key " + line)]) + "\n";
        try
        {
            Directory.CreateDirectory(Folder);
            await AtomicFile.WriteAllTextAsync(path, text, ct);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A full or read-only cache costs the next run the same question again, nothing more.
        }
    }

    const string AnswerPrefix = "answer ";

    static string CheckLine(string keyHash, string answer) => "check " + Sha256($"{keyHash}\n{answer}");

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
