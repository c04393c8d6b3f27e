namespace Harness.Config;

/// <summary>
/// Reads kernels.yaml into a <see cref="Matrix"/> with every kernel's effective settings. Any problem
/// is a <see cref="MatrixException"/> whose one-line message names the file, line and column.
/// </summary>
public static class MatrixLoader
{
    /// <summary>Reads and validates the matrix file at <paramref name="path"/>.</summary>
    /// <remarks>Messages show the path as given; <see cref="Matrix.FilePath"/> holds it made absolute.</remarks>
    public static Matrix Load(string path) => Parse(MatrixText.Read(path), path);

    /// <summary>Validates matrix text as if read from <paramref name="filePath"/> (which need not exist).</summary>
    public static Matrix Parse(string yamlText, string filePath)
    {
        if (yamlText.Length > MatrixLimits.MaxFileBytes)
            throw MatrixText.TooLarge(filePath);
        var source = new YamlSource(filePath);
        var stream = YamlDocumentLoader.Load(yamlText, source);
        return MatrixReader.Read(stream, source, Path.GetFullPath(filePath));
    }
}
