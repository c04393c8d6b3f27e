using Harness.Records;
using Harness.Storage;

namespace Harness.Tests.Records;

public class RunFolderTests
{
    string _results = "";

    [SetUp]
    public void CreateResults() => _results = Directory.CreateTempSubdirectory("run-folder-").FullName;

    [TearDown]
    public void RemoveResults() => Directory.Delete(_results, recursive: true);

    [Test]
    public async Task Runs_created_in_the_same_second_from_many_threads_each_get_a_folder_of_their_own()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var start = new ManualResetEventSlim();
        var creations = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() =>
            {
                start.Wait();
                return RunFolder.Create(_results, now).RunId;
            }))
            .ToList();
        start.Set();

        var ids = await Task.WhenAll(creations);

        Assert.That(ids, Is.Unique);
        Assert.That(ids, Does.Contain("20260102-030405"));
        Assert.That(Directory.GetDirectories(_results), Has.Length.EqualTo(16));
    }

    [Test]
    public void An_existing_folder_of_the_same_second_is_never_reused()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Directory.CreateDirectory(Path.Combine(_results, "20260102-030405"));
        File.WriteAllText(Path.Combine(_results, "20260102-030405", "run.json"), "earlier");

        var folder = RunFolder.Create(_results, now);

        Assert.That(folder.RunId, Is.EqualTo("20260102-030405-2"));
        Assert.That(File.ReadAllText(Path.Combine(_results, "20260102-030405", "run.json")), Is.EqualTo("earlier"));
    }

    [Test]
    public void A_results_folder_that_cannot_be_created_is_a_storage_error_naming_it()
    {
        var notAFolder = Path.Combine(_results, "file");
        File.WriteAllText(notAFolder, "");

        var error = Assert.Throws<StorageException>(() => RunFolder.Create(Path.Combine(notAFolder, "results"), DateTimeOffset.UnixEpoch));

        Assert.That(error.Message, Does.Contain(Path.Combine(notAFolder, "results")));
    }

    [TestCase("../escape")]
    [TestCase("..")]
    [TestCase("a/b")]
    [TestCase(".hidden")]
    [TestCase("")]
    public void A_kernel_file_can_never_be_named_outside_the_run_folder(string name)
    {
        var folder = RunFolder.Create(_results, DateTimeOffset.UnixEpoch);

        Assert.That(() => folder.KernelFile(name, "console.log"), Throws.ArgumentException);
    }

    [Test]
    public void A_kernel_file_is_the_name_and_the_suffix_inside_the_run_folder()
    {
        var folder = RunFolder.Create(_results, DateTimeOffset.UnixEpoch);

        var (relative, absolute) = folder.KernelFile("bookworm-6.1.2", "attempt-1.console.log");

        Assert.That(relative, Is.EqualTo("bookworm-6.1.2.attempt-1.console.log"));
        Assert.That(absolute, Is.EqualTo(Path.Combine(folder.Path, relative)));
    }
}
