using System.Text;
using System.Xml;

namespace Harness.Reports.Junit;

/// <summary>
/// Text made safe for XML 1.0: a console line can carry control characters (a terminal escape, a
/// stray NUL) that no XML document may hold, which would make XmlWriter refuse the whole file.
/// Each becomes U+FFFD, so the line still reads.
/// </summary>
static class XmlText
{
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }
}
