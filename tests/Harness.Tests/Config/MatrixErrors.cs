using Harness.Config;

namespace Harness.Tests.Config;

/// <summary>Parses matrix text that must fail, and checks where and how the failure is reported.</summary>
internal static class MatrixErrors
{
    /// <summary>The matrix file the texts are read as: in <see cref="MatrixFolder"/>, beside the kernels they name.</summary>
    public static string FileName => MatrixFolder.FilePath;

    public static MatrixException Of(string yaml) =>
        Assert.Throws<MatrixException>(() => MatrixLoader.Parse(yaml, FileName))!;

    public static void AssertAt(MatrixException error, int line, int column, string phrase)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Location, Is.EqualTo(new SourceLocation(FileName, line, column)), error.Message);
            Assert.That(error.Message, Does.StartWith($"{FileName}:{line}:{column}: "));
            Assert.That(error.Message, Does.Contain(phrase));
            Assert.That(error.Message, Does.Not.Contain('\n').And.Not.Contain('\r'));
        });
    }
}
