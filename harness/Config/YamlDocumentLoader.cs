using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>Loads YAML text into nodes, turning every parser failure into a located one-line error.</summary>
internal static class YamlDocumentLoader
{
    private const string DuplicateKeyPrefix = "Duplicate key ";

    public static YamlStream Load(string yamlText, YamlSource source)
    {
        var parser = new PositionTrackingParser(new BoundedParser(new Parser(new StringReader(yamlText)), source));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception) when (HasPosition(exception))
        {
            throw new MatrixException(source.LocationOf(exception.Start), Reworded(exception));
        }
        catch (AnchorNotFoundException exception)
        {
            // Found after parsing, when the parser's position is the end of the file: no place beats a wrong one.
            throw new MatrixException(SourceLocation.WholeFile(source.FilePath), exception.Message);
        }
        catch (YamlException exception)
        {
            throw new MatrixException(source.LocationOf(parser.LastEnd), $"{exception.Message} (somewhere after this point)");
        }
        // YamlDotNet's scanner fails this way at the end of a file inside an unclosed '{' or '['.
        catch (InvalidOperationException)
        {
            throw new MatrixException(source.LocationOf(parser.LastEnd),
                "the YAML cannot be parsed after this point (an unclosed '{', '[' or quote?)");
        }
        return stream;
    }

    // Errors without a position come with an empty mark: the very start of the file, for both ends.
    private static bool HasPosition(YamlException exception) => exception.Start.Index != 0 || exception.End.Index != 0;

    // The representation model reports a duplicate key in its own words; say it as the other errors do.
    private static string Reworded(YamlException exception) =>
        exception.Message.StartsWith(DuplicateKeyPrefix, StringComparison.Ordinal)
            ? $"duplicate key {YamlText.Quote(exception.Message[DuplicateKeyPrefix.Length..])} (a key may appear once in a mapping)"
            : exception.Message;
}
