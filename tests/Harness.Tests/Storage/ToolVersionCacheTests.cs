using Harness.Storage;

namespace Harness.Tests.Storage;

/// <summary>The cache of tools' version answers on its own, with a question that counts how often it is asked.</summary>
public class ToolVersionCacheTests
{
    sealed class Question(string answer)
    {
        public int Asked { get; private set; }

        public Task<string> AskAsync(CancellationToken ct)
        {
            Asked++;
            return Task.FromResult(answer);
        }
    }

    static readonly string[] Key = ["tool --version", "/usr/bin/tool dev 8:1 ino 12 size 3 mtime 1.000000000 ctime 1.000000000"];

    [Test]
    public async Task A_kept_answer_is_returned_without_asking_again()
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);
        var question = new Question("tool 1.0");

        var answers = new[] { await cache.GetAsync(Key, question.AskAsync, CancellationToken.None), await cache.GetAsync(Key, question.AskAsync, CancellationToken.None) };

        Assert.That(answers, Is.EqualTo(new[] { "tool 1.0", "tool 1.0" }));
        Assert.That(question.Asked, Is.EqualTo(1));
        Assert.That(Directory.GetFiles(cache.Folder, "*.txt"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_key_that_differs_in_one_line_asks_again()
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);
        await cache.GetAsync(Key, new Question("tool 1.0").AskAsync, CancellationToken.None);

        var answer = await cache.GetAsync([Key[0], Key[1].Replace("ctime 1.", "ctime 2.")], new Question("tool 2.0").AskAsync, CancellationToken.None);

        Assert.That(answer, Is.EqualTo("tool 2.0"));
    }

    [Test]
    public async Task A_failed_question_is_not_kept_and_the_next_read_asks_again()
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);

        Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(Key, _ => throw new InvalidOperationException("no answer"), CancellationToken.None));
        var question = new Question("tool 1.0");
        var answer = await cache.GetAsync(Key, question.AskAsync, CancellationToken.None);

        Assert.That((answer, question.Asked), Is.EqualTo(("tool 1.0", 1)));
    }

    [TestCase("")]
    [TestCase("answer tool 1.0\n")]
    [TestCase("answer tool 1.0\ncheck 0000\n")]
    [TestCase("\0\0\0\0")]
    public async Task A_damaged_entry_is_a_miss_and_is_written_again(string damaged)
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);
        await cache.GetAsync(Key, new Question("tool 1.0").AskAsync, CancellationToken.None);
        var entry = Directory.GetFiles(cache.Folder).Single();
        File.WriteAllText(entry, damaged);
        var question = new Question("tool 1.0");

        var afterDamage = await cache.GetAsync(Key, question.AskAsync, CancellationToken.None);
        var afterRewrite = await cache.GetAsync(Key, question.AskAsync, CancellationToken.None);

        Assert.That((afterDamage, afterRewrite, question.Asked), Is.EqualTo(("tool 1.0", "tool 1.0", 1)));
    }

    [Test]
    public async Task A_cache_that_cannot_be_written_still_gives_the_answer()
    {
        using var scratch = new ScratchFolder();
        // A file where the cache's folder should be: creating the folder fails, as on a read-only or full disk.
        var cache = new ToolVersionCache(scratch.Write("not-a-folder", ""));
        var question = new Question("tool 1.0");

        var answers = new[] { await cache.GetAsync(Key, question.AskAsync, CancellationToken.None), await cache.GetAsync(Key, question.AskAsync, CancellationToken.None) };

        Assert.That(answers, Is.EqualTo(new[] { "tool 1.0", "tool 1.0" }));
        Assert.That(question.Asked, Is.EqualTo(2));
    }

    [Test]
    public async Task Without_a_key_the_tool_is_asked_every_time_and_nothing_is_written()
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);
        var question = new Question("tool 1.0");

        await cache.GetAsync(null, question.AskAsync, CancellationToken.None);
        await cache.GetAsync(null, question.AskAsync, CancellationToken.None);

        Assert.That(question.Asked, Is.EqualTo(2));
        Assert.That(Directory.Exists(cache.Folder), Is.False);
    }

    [Test]
    public async Task An_answer_of_more_than_one_line_is_not_kept()
    {
        using var scratch = new ScratchFolder();
        var cache = new ToolVersionCache(scratch.Path);
        var question = new Question("tool 1.0\nanswer forged");

        await cache.GetAsync(Key, question.AskAsync, CancellationToken.None);
        var second = await cache.GetAsync(Key, question.AskAsync, CancellationToken.None);

        Assert.That((second, question.Asked), Is.EqualTo(("tool 1.0\nanswer forged", 2)));
    }
}
