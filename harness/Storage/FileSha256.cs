using System.Security.Cryptography;

namespace Harness.Storage;

/// <summary>The lowercase hex SHA-256 of a file, the currency of identities and cache checks.</summary>
public static class FileSha256
{
    public static async Task<string> ComputeAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, ct);
        return Convert.ToHexStringLower(hash);
    }
}
