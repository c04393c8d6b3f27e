using Guest.Running;

namespace Guest.Tests.Running;

public class RseqOffServerTests
{
    [Test]
    public void Each_request_runs_in_order_with_its_own_words_and_its_answer_ends_with_the_end_line()
    {
        var requests = new StringReader(
            RseqOffRequest.Format(["--internal-legacy-probe", "--seconds", "8"]) + "\n"
            + RseqOffRequest.Format(["--internal-abi-v2", "--scenarios", "cs_abort"]) + "\n");
        var answers = new StringWriter();

        var exitCode = RseqOffServer.Serve(requests, answers, words => answers.WriteLine(string.Join(' ', words)));

        Assert.That(exitCode, Is.Zero);
        Assert.That(answers.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')), Is.EqualTo(new[]
        {
            "--internal-legacy-probe --seconds 8",
            RseqOffRequest.AnswerEnd,
            "--internal-abi-v2 --scenarios cs_abort",
            RseqOffRequest.AnswerEnd,
        }));
    }

    [Test]
    public void Every_request_runs_on_a_thread_of_its_own_that_has_ended_before_the_next_starts()
    {
        // rseq registrations are per thread: a request must never find a thread an earlier one registered.
        var requests = new StringReader("a\nb\nc\n");
        var threads = new List<Thread>();

        RseqOffServer.Serve(requests, TextWriter.Null, _ =>
        {
            Assert.That(threads.All(thread => !thread.IsAlive), Is.True, "an earlier request's thread is still alive");
            threads.Add(Thread.CurrentThread);
        });

        Assert.That(threads, Has.Count.EqualTo(3));
        Assert.That(threads.Distinct().Count(), Is.EqualTo(3));
        Assert.That(threads, Has.None.SameAs(Thread.CurrentThread));
    }

    [Test]
    public void The_server_ends_when_its_input_closes()
    {
        var ran = 0;

        var exitCode = RseqOffServer.Serve(new StringReader(""), TextWriter.Null, _ => ran++);

        Assert.That((exitCode, ran), Is.EqualTo((0, 0)));
    }

    [Test]
    public void A_request_line_gives_back_the_words_it_was_made_of()
    {
        string[] words = ["--internal-abi-v2", "--scenarios", "migration_storm", "--seconds", "2.5"];

        Assert.That(RseqOffRequest.Parse(RseqOffRequest.Format(words)), Is.EqualTo(words));
    }

    [Test]
    public void A_word_holding_a_tab_or_a_line_break_cannot_be_sent()
    {
        Assert.Throws<ArgumentException>(() => RseqOffRequest.Format(["a\tb"]));
        Assert.Throws<ArgumentException>(() => RseqOffRequest.Format(["a\nb"]));
    }
}
