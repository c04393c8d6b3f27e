using System.Diagnostics;
using System.Text;
using Harness.Config;

namespace Harness.Tests.Config;

/// <summary>
/// kernels.yaml got wrong in every way a user (or an attacker) can: each is one located line, in
/// bounded time and memory, and never a crash. YAML bombs included.
/// </summary>
public class MatrixLoaderHostileFileTests
{
    const string OneKernel = "kernels:\n  - name: a\n    source: { path: bzImage }\n";

    string _folder = "";

    // With the kernel its matrices name: a file that reads must load.
    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hostile-matrix-").FullName;
        File.WriteAllText(Path.Combine(_folder, "bzImage"), "");
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    string WriteBytes(byte[] bytes)
    {
        var path = Path.Combine(_folder, "kernels.yaml");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static MatrixException LoadFails(string path) => Assert.Throws<MatrixException>(() => MatrixLoader.Load(path))!;

    [Test]
    public void A_file_of_zero_bytes_asks_for_a_kernel_list()
    {
        var path = WriteBytes([]);

        var error = LoadFails(path);

        Assert.That(error.Message, Is.EqualTo($"{path}:1:1: the file is empty; it needs a 'kernels' list"));
    }

    [Test]
    public void A_file_of_only_comments_and_blank_lines_asks_for_a_kernel_list()
    {
        var error = MatrixErrors.Of("# kernels:\n\n#   - name: a\n   \n");

        MatrixErrors.AssertAt(error, 1, 1, "the file is empty");
    }

    [Test]
    public void A_second_kernels_key_is_a_duplicate_at_the_second()
    {
        var error = MatrixErrors.Of(OneKernel + "kernels:\n  - name: b\n    source: { path: bzImage }\n");

        MatrixErrors.AssertAt(error, 4, 1, "duplicate key 'kernels'");
    }

    [Test]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var path = WriteBytes([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(OneKernel)]);

        Assert.That(MatrixLoader.Load(path).Kernels.Single().Name, Is.EqualTo("a"));
    }

    [Test]
    public void A_utf16_file_is_refused_at_its_start()
    {
        var path = WriteBytes([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(OneKernel)]);

        var error = LoadFails(path);

        Assert.That(error.Message, Is.EqualTo($"{path}:1:1: the file is UTF-16; save it as UTF-8"));
    }

    [Test]
    public void An_invalid_utf8_byte_is_reported_at_its_line_and_column()
    {
        // Latin-1 "é" in a path, as an editor with the wrong encoding saves it.
        var path = WriteBytes([.. Encoding.UTF8.GetBytes("kernels:\n  - name: a\n    source: { path: caf"), 0xE9, .. " }\n"u8.ToArray()]);

        var error = LoadFails(path);

        Assert.That(error.Message, Is.EqualTo($"{path}:3:24: byte 0xE9 is not valid UTF-8; kernels.yaml must be UTF-8 text"));
    }

    [Test]
    public void A_binary_file_is_a_located_error_not_a_crash()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);

        Assert.That(() => MatrixLoader.Load(WriteBytes(bytes)), Throws.TypeOf<MatrixException>().With.Message.Contains(":1:"));
    }

    [Test]
    public void A_directory_given_as_the_matrix_cannot_be_read()
    {
        var error = LoadFails(_folder);

        Assert.That(error.Message, Does.StartWith($"{_folder}: cannot read the file"));
    }

    [Test]
    public void A_50_MB_file_is_refused_after_reading_one_MiB_at_most()
    {
        var path = Path.Combine(_folder, "kernels.yaml");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(OneKernel));
            file.SetLength(50L * 1024 * 1024);
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = LoadFails(path);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"{path}: the file is larger than 1 MiB; a kernels.yaml is a list of kernels, a few KiB (is this the right file?)"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, Is.LessThan(8L * 1024 * 1024));
        });
    }

    [Test]
    public void Text_over_one_MiB_is_refused_when_parsed_directly_too()
    {
        var error = Assert.Throws<MatrixException>(() => MatrixLoader.Parse(OneKernel + new string('#', 1024 * 1024), MatrixErrors.FileName))!;

        Assert.That(error.Message, Does.Contain("larger than 1 MiB"));
    }

    [Test]
    public void An_anchor_is_refused_where_it_is_written()
    {
        var error = MatrixErrors.Of("defaults: &shared\n  cpus: 2\nkernels:\n  - name: a\n    source: { path: bzImage }\n");

        MatrixErrors.AssertAt(error, 1, 11, "anchor '&shared': anchors and aliases are not supported");
    }

    [Test]
    public void A_recursive_alias_is_refused_at_its_anchor_in_bounded_time()
    {
        var clock = Stopwatch.StartNew();

        var error = MatrixErrors.Of("kernels: &k\n  - *k\n");

        MatrixErrors.AssertAt(error, 1, 10, "anchors and aliases are not supported");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_billion_laughs_file_is_refused_before_anything_is_expanded()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append($"{level}: &{level} [{string.Join(',', Enumerable.Repeat($"*{previous}", 9))}]\n");
        }
        yaml.Append("kernels: *i\n");
        var clock = Stopwatch.StartNew();

        var error = MatrixErrors.Of(yaml.ToString());

        MatrixErrors.AssertAt(error, 1, 4, "anchor '&a'");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void An_alias_without_an_anchor_is_refused_where_it_is_written()
    {
        var error = MatrixErrors.Of("kernels:\n  - *missing\n");

        MatrixErrors.AssertAt(error, 2, 5, "alias '*missing'");
    }

    [Test]
    public void Deeply_nested_flow_sequences_are_refused_at_the_first_level_too_deep_without_overflowing_the_stack()
    {
        const int depth = 200_000;
        var clock = Stopwatch.StartNew();

        var error = MatrixErrors.Of("kernels: " + new string('[', depth) + new string(']', depth) + "\n");

        MatrixErrors.AssertAt(error, 1, 10 + MatrixLimits.MaxNestingDepth - 1, $"nested more than {MatrixLimits.MaxNestingDepth} levels deep");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Deeply_nested_block_mappings_are_refused_too()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 40; level++)
            yaml.Append(new string(' ', level * 2)).Append("k:\n");

        var error = MatrixErrors.Of(yaml.ToString());

        MatrixErrors.AssertAt(error, MatrixLimits.MaxNestingDepth + 1, 2 * MatrixLimits.MaxNestingDepth + 1, "nested more than");
    }

    [Test]
    public void The_deepest_real_matrix_a_build_with_patches_is_well_within_the_nesting_limit()
    {
        File.WriteAllText(Path.Combine(_folder, "fragment.config"), "CONFIG_RSEQ=y\n");
        File.WriteAllText(Path.Combine(_folder, "a.patch"), "");
        var path = Path.Combine(_folder, "kernels.yaml");
        File.WriteAllText(path, """
            kernels:
              - name: built
                source:
                  build:
                    tree: .
                    config: fragment.config
                    patches: [a.patch]
            """);

        Assert.That(MatrixLoader.Load(path).Kernels.Single().Name, Is.EqualTo("built"));
    }
}
