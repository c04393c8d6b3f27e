using System.Security.Cryptography;
using System.Text;

namespace Harness.KernelBuild;

/// <summary>
/// Where an in-place build of a git work tree keeps its objects: one folder per (tree, fragment,
/// compiler), kept across commits, so a bisect step that moves a few files costs seconds of make.
/// <code>
/// bisect-builds/&lt;Key&gt;/out        make's O= directory, reused by every commit of the tree
/// bisect-builds/&lt;Key&gt;/build.log  the make output of the latest build
/// bisect-builds/&lt;Key&gt;/tree       the tree's path, to tell which tree a folder belongs to
/// bisect-builds/&lt;Key&gt;/lock       held while a build runs (a bisect and a run on one tree)
/// </code>
/// </summary>
/// <param name="TreePath">The work tree's absolute path: the tree itself is the source, never copied.</param>
public sealed record InPlaceLayout(string CacheRoot, string TreePath, byte[] Fragment, string Compiler)
{
    /// <summary>Bump when the in-place build's steps or flags change, so old objects are not trusted.</summary>
    public const int FormatVersion = 1;

    public string Key
    {
        get
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (label, value) in new[]
            {
                ("tree", Encoding.UTF8.GetBytes(TreePath)),
                ("fragment", Fragment),
                ("compiler", Encoding.UTF8.GetBytes(Compiler)),
                ("format", BitConverter.GetBytes(FormatVersion)),
            })
            {
                // Label and length before each field, so no two inputs run together (as BuildInputs does).
                hash.AppendData(Encoding.UTF8.GetBytes(label));
                hash.AppendData(BitConverter.GetBytes((long)value.Length));
                hash.AppendData(value);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    public string Root => Path.Combine(CacheRoot, "bisect-builds", Key);

    public string ObjectDirectory => Path.Combine(Root, "out");

    public string LogPath => Path.Combine(Root, "build.log");

    public string TreeNote => Path.Combine(Root, "tree");

    public string LockFile => Path.Combine(Root, "lock");

    public string ConfigPath => Path.Combine(ObjectDirectory, ".config");

    public string BuiltImage => Path.Combine(ObjectDirectory, "arch", "x86", "boot", "bzImage");

    internal MakeDirectories Make => new(TreePath, ObjectDirectory, LogPath);
}
