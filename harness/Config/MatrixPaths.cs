namespace Harness.Config;

/// <summary>
/// Files and folders a matrix names (a bzImage, a source tree, a fragment, a patch): relative to the
/// matrix file's folder, made absolute, and required to exist when the file is read, so a typo fails
/// at its line and column instead of minutes into a run.
/// </summary>
internal static class MatrixPaths
{
    public static string ExistingFile(YamlValue value, string matrixDirectory)
    {
        var path = ExistingPath(value, matrixDirectory);
        return File.Exists(path) ? path : throw value.Error($"{value.What}: '{path}' is a directory, not a file");
    }

    public static string ExistingDirectory(YamlValue value, string matrixDirectory)
    {
        var path = ExistingPath(value, matrixDirectory);
        return Directory.Exists(path) ? path : throw value.Error($"{value.What}: '{path}' is not a directory");
    }

    static string ExistingPath(YamlValue value, string matrixDirectory)
    {
        var text = value.AsText();
        if (text.Length == 0)
            throw value.Error($"{value.What} is empty");
        var path = Path.GetFullPath(text, matrixDirectory);
        return File.Exists(path) || Directory.Exists(path) ? path : throw value.Error($"{value.What}: '{path}' does not exist");
    }
}
