using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harness.Config;
using YamlDotNet.RepresentationModel;

namespace Harness.Sharding;

/// <summary>
/// The SHA-256 of a matrix's normalised content, recorded in every run.json so that a merge refuses
/// shards cut from different matrices. Normalised: comments, blank lines, indentation, quoting and
/// the order of keys in a mapping do not count, since they change nothing a run does; the order of
/// a list does (the kernels' order decides the slices), and so does every value. The kernels
/// selected with <c>-k</c> are part of it: two jobs that ran different selections of one file did
/// not run the same matrix.
/// </summary>
public static class MatrixHash
{
    /// <summary>The hash of <paramref name="matrix"/>'s file and its selected kernels (the file was validated when the matrix was loaded).</summary>
    public static string Of(Matrix matrix) => Of(File.ReadAllText(matrix.FilePath), matrix.Kernels.Select(k => k.Name).ToList());

    public static string Of(string yamlText, IReadOnlyList<string> kernels)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yamlText));
        var text = new StringBuilder();
        foreach (var document in stream.Documents)
            Write(document.RootNode, text);
        text.Append("\nkernels:");
        foreach (var kernel in kernels)
            Scalar(kernel, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    static void Write(YamlNode node, StringBuilder text)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                Scalar(scalar.Value ?? "", text);
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var item in sequence.Children)
                    Write(item, text);
                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                foreach (var (key, value) in mapping.Children.Select(p => (Key: Canonical(p.Key), p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(key);
                    Write(value, text);
                }
                text.Append('}');
                break;
        }
    }

    static string Canonical(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>Length-prefixed, so no value can pass for the structure around it.</summary>
    static void Scalar(string value, StringBuilder text) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
