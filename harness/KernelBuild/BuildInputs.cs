using System.Security.Cryptography;
using System.Text;

namespace Harness.KernelBuild;

/// <summary>
/// Everything that decides what a build produces, and the cache keys derived from it. The image key
/// covers all of it; the tree key only what forces a fresh build tree (the source and the fragment),
/// so a changed patch rebuilds incrementally in the same tree.
/// </summary>
/// <param name="Compiler">The first line of <c>gcc --version</c>: a new compiler means a new image.</param>
public sealed record BuildInputs(string SourceIdentity, byte[] Fragment, IReadOnlyList<byte[]> Patches, string Compiler)
{
    /// <summary>Bump when the builder's output changes for the same inputs (layout, steps, flags).</summary>
    public const int FormatVersion = 1;

    /// <summary>Names the image: &lt;cache&gt;/kernels/build/&lt;ImageKey&gt;/bzImage.</summary>
    public string ImageKey => Hash(hash =>
    {
        Field(hash, "source", Encoding.UTF8.GetBytes(SourceIdentity));
        Field(hash, "fragment", Fragment);
        foreach (var patch in Patches)
            Field(hash, "patch", patch);
        Field(hash, "compiler", Encoding.UTF8.GetBytes(Compiler));
        Field(hash, "format", BitConverter.GetBytes(FormatVersion));
    });

    /// <summary>Names the build tree (patched sources and object files) reused across patch sets.</summary>
    public string TreeKey => Hash(hash =>
    {
        Field(hash, "source", Encoding.UTF8.GetBytes(SourceIdentity));
        Field(hash, "fragment", Fragment);
        Field(hash, "format", BitConverter.GetBytes(FormatVersion));
    });

    /// <summary>Names the pristine copy of the source, shared by every fragment and patch set.</summary>
    public string SourceKey => Hash(hash =>
    {
        Field(hash, "source", Encoding.UTF8.GetBytes(SourceIdentity));
        Field(hash, "format", BitConverter.GetBytes(FormatVersion));
    });

    static string Hash(Action<IncrementalHash> fill)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fill(hash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Label and length before each field, so ("ab", "c") and ("a", "bc") cannot collide.
    static void Field(IncrementalHash hash, string label, byte[] value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(label));
        hash.AppendData(BitConverter.GetBytes((long)value.Length));
        hash.AppendData(value);
    }
}
