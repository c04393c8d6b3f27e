using Harness.Vm;
using Protocol;

namespace Harness.Tests.Vm;

public class ResultStreamTests
{
    [Test]
    public void The_stream_begins_at_the_version_line_and_records_when()
    {
        var stream = new ResultStream();

        stream.Add("ok 1 early", TimeSpan.FromSeconds(1));
        stream.Add(KtapLines.Version + "\r", TimeSpan.FromSeconds(2));

        Assert.That(stream.Started.IsCompleted, Is.True);
        Assert.That(stream.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(stream.Lines, Is.EqualTo(new[] { KtapLines.Version }));
    }

    [Test]
    public void Inits_line_before_the_stream_records_when_the_guest_started_and_the_done_line_when_it_finished_without_either_becoming_a_result()
    {
        var stream = new ResultStream();

        stream.Add(Harness.GuestImage.InitScript.GuestStartMarker + "\r", TimeSpan.FromSeconds(1));
        stream.Add(KtapLines.Version, TimeSpan.FromSeconds(2));
        stream.Add(KtapLines.Plan(0), TimeSpan.FromSeconds(3));
        stream.Add(KtapLines.Done(0), TimeSpan.FromSeconds(4));

        Assert.That((stream.GuestStartAt, stream.StartedAt, stream.FinishedAt),
            Is.EqualTo((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4))));
        Assert.That(stream.Lines, Is.EqualTo(new[] { KtapLines.Version, KtapLines.Plan(0), KtapLines.Done(0) }));
    }

    [Test]
    public void The_stream_ends_at_the_done_line_and_ignores_what_follows()
    {
        var stream = new ResultStream();

        foreach (var line in new[] { KtapLines.Version, "", KtapLines.Plan(0), KtapLines.Done(0), "ok 1 late" })
            stream.Add(line, TimeSpan.Zero);

        Assert.That(stream.Finished.IsCompleted, Is.True);
        Assert.That(stream.Lines, Is.EqualTo(new[] { KtapLines.Version, KtapLines.Plan(0), KtapLines.Done(0) }));
    }

    [Test]
    public void A_done_line_before_the_stream_begins_does_not_end_it()
    {
        var stream = new ResultStream();

        stream.Add(KtapLines.Done(0), TimeSpan.Zero);

        Assert.That(stream.Finished.IsCompleted, Is.False);
        Assert.That(stream.Started.IsCompleted, Is.False);
    }

    [Test]
    public void NULs_from_the_serial_port_do_not_hide_the_version_line_and_indentation_is_kept()
    {
        var stream = new ResultStream();

        stream.Add("\0\0" + KtapLines.Version, TimeSpan.Zero);
        stream.Add("    # nested diagnostic\r", TimeSpan.Zero);

        Assert.That(stream.Lines, Is.EqualTo(new[] { KtapLines.Version, "    # nested diagnostic" }));
    }
}
