using System.Text;
using Harness.GuestImage.Cpio;

namespace Harness.Tests.GuestImage;

/// <summary>
/// newc pads header+name and then data to 4 bytes each; the header is 110 bytes, so names of
/// every length mod 4 and data of every length mod 4 exercise all the padding amounts.
/// </summary>
public class CpioPaddingTests
{
    private static readonly string[] Names = ["a", "ab", "abc", "abcd", "abcde"];
    private static readonly int[] DataLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8];

    private static List<CpioEntry> EveryPaddingCombination()
    {
        var entries = new List<CpioEntry>();
        foreach (var name in Names)
        {
            entries.Add(CpioEntry.Directory(name));
            foreach (var length in DataLengths)
                entries.Add(CpioEntry.File($"{name}/{new string('f', length % 5 + 1)}{length}",
                    [.. Enumerable.Range(1, length).Select(i => (byte)i)], CpioEntry.Readable));
            entries.Add(CpioEntry.Symlink($"{name}/link", new string('t', name.Length)));
        }
        return entries;
    }

    [Test]
    public async Task Every_name_and_data_length_mod_four_extracts_byte_for_byte()
    {
        using var folder = new ScratchFolder();
        var archive = folder.File("a.cpio");
        var entries = EveryPaddingCombination();
        using (var file = File.Create(archive))
            CpioNewcWriter.Write(file, entries);
        var root = folder.File("root");

        await CpioTool.ExtractAsync(archive, root);

        Assert.Multiple(() =>
        {
            foreach (var entry in entries.Where(e => e.Kind == CpioEntryKind.RegularFile))
                Assert.That(File.ReadAllBytes(Path.Combine(root, entry.Path)), Is.EqualTo(entry.Data), entry.Path);
            foreach (var entry in entries.Where(e => e.Kind == CpioEntryKind.Symlink))
                Assert.That(new FileInfo(Path.Combine(root, entry.Path)).LinkTarget, Is.EqualTo(Encoding.UTF8.GetString(entry.Data)), entry.Path);
        });
    }

    [Test]
    public void Every_header_starts_on_a_four_byte_boundary_right_after_the_previous_padding()
    {
        using var memory = new MemoryStream();
        CpioNewcWriter.Write(memory, EveryPaddingCombination());
        var bytes = memory.ToArray();

        var offset = 0;
        var names = new List<string>();
        while (true)
        {
            Assert.That(Encoding.ASCII.GetString(bytes, offset, 6), Is.EqualTo("070701"), $"magic at offset {offset}");
            var fileSize = Convert.ToInt32(Encoding.ASCII.GetString(bytes, offset + 6 + 6 * 8, 8), 16);
            var nameSize = Convert.ToInt32(Encoding.ASCII.GetString(bytes, offset + 6 + 11 * 8, 8), 16);
            var name = Encoding.ASCII.GetString(bytes, offset + 110, nameSize - 1);
            names.Add(name);
            Assert.That(bytes[offset + 110 + nameSize - 1], Is.Zero, "name terminator");
            var dataStart = RoundUpToFour(offset + 110 + nameSize);
            Assert.That(bytes[(offset + 110 + nameSize)..dataStart], Is.All.Zero, "name padding");
            offset = RoundUpToFour(dataStart + fileSize);
            Assert.That(bytes[(dataStart + fileSize)..offset], Is.All.Zero, "data padding");
            if (name == CpioNewcWriter.TrailerName)
                break;
        }

        Assert.That(offset, Is.EqualTo(bytes.Length));
        Assert.That(names, Has.Count.EqualTo(EveryPaddingCombination().Count + 1));
    }

    [TestCase(0, 0)]
    [TestCase(1, 3)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    [TestCase(4, 0)]
    [TestCase(113, 3)]
    public void Padding_brings_a_length_to_the_next_multiple_of_four(int length, int padding)
    {
        Assert.That(CpioNewcWriter.PaddingAfter(length), Is.EqualTo(padding));
    }

    private static int RoundUpToFour(int value) => (value + 3) & ~3;
}
