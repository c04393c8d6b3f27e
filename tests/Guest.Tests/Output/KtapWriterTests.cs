using System.Text;
using Guest.Output;

namespace Guest.Tests.Output;

public class KtapWriterTests
{
    [Test]
    public void Each_line_ends_in_a_single_newline_and_reaches_the_stream_at_once()
    {
        using var stream = new MemoryStream();
        var writer = new KtapWriter(stream);

        writer.WriteLine("KTAP version 1");
        var afterFirst = Encoding.UTF8.GetString(stream.ToArray());
        writer.WriteLine("1..1");

        Assert.That(afterFirst, Is.EqualTo("KTAP version 1\n"));
        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("KTAP version 1\n1..1\n"));
    }

    [Test]
    public void A_file_target_is_created_and_truncated()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ktap-{Guid.NewGuid():N}.log");
        try
        {
            File.WriteAllText(path, "old content that is longer\n");
            using (var writer = new KtapWriter(KtapTarget.Open(path)))
                writer.WriteLine("new");

            Assert.That(File.ReadAllText(path), Is.EqualTo("new\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
