using Harness.Running.Progress;
using Spectre.Console.Testing;

namespace Harness.Tests.Running.Progress;

public class LiveProgressSinkTests
{
    /// <summary>Two kernels: one done, one running its scenarios, a third still queued.</summary>
    static (LiveProgressSink Sink, SteppedClock Clock) Scripted(TestConsole console)
    {
        var clock = new SteppedClock();
        var sink = new LiveProgressSink(console, clock);
        sink.Kernel(new KernelProgress("[1/3] debian-6.1", KernelPhase.Queued));
        sink.Kernel(new KernelProgress("[2/3] debian-6.12", KernelPhase.Queued));
        sink.Kernel(new KernelProgress("[3/3] built-7.2", KernelPhase.Queued));
        sink.Kernel(new KernelProgress("[1/3] debian-6.1", KernelPhase.Fetching, "debian 6.1.0-50-amd64"));
        clock.Advance(TimeSpan.FromSeconds(5));
        sink.Kernel(new KernelProgress("[1/3] debian-6.1", KernelPhase.Booting));
        clock.Advance(TimeSpan.FromSeconds(20));
        sink.Kernel(new KernelProgress("[1/3] debian-6.1", KernelPhase.Running, "1/2 scenarios done, last fork_cpu_id PASS"));
        clock.Advance(TimeSpan.FromSeconds(40));
        sink.Kernel(new KernelProgress("[1/3] debian-6.1", KernelPhase.Done, "fork_cpu_id=PASS migrate_cpu_id=FAIL (6.1.0-50-amd64)"));
        sink.Kernel(new KernelProgress("[2/3] debian-6.12", KernelPhase.Fetching, "debian 6.12"));
        clock.Advance(TimeSpan.FromSeconds(3));
        sink.Kernel(new KernelProgress("[2/3] debian-6.12", KernelPhase.Booting));
        clock.Advance(TimeSpan.FromSeconds(4));
        sink.Kernel(new KernelProgress("[2/3] debian-6.12", KernelPhase.Running, "0/2 scenarios done"));
        sink.Line("guest image 0123456789ab from the cache");
        return (sink, clock);
    }

    static string Line(string output, string kernel) =>
        output.Split('\n').Single(l => l.Contains(kernel, StringComparison.Ordinal));

    [Test]
    public void The_table_shows_each_kernels_phase_elapsed_time_and_verdicts()
    {
        var console = new TestConsole().Width(160);
        var (sink, clock) = Scripted(console);
        clock.Advance(TimeSpan.FromSeconds(60));

        console.Write(sink.Render());

        var output = console.Output;
        Assert.Multiple(() =>
        {
            // Done: its time stopped when its row became known (5 + 20 + 40 s), not at the drawing.
            Assert.That(Line(output, "debian-6.1 "), Does.Contain("done").And.Contain("1:05").And.Contain("fork_cpu_id=PASS migrate_cpu_id=FAIL"));
            // Running: 3 + 4 s, then the 60 s of the drawing.
            Assert.That(Line(output, "debian-6.12"), Does.Contain("running").And.Contain("1:07").And.Contain("0/2 scenarios done"));
            Assert.That(Line(output, "built-7.2"), Does.Contain("queued").And.Not.Contain("0:"));
            Assert.That(output, Does.Contain("guest image 0123456789ab from the cache"));
        });
    }

    [Test]
    public void The_kernels_keep_the_order_they_were_queued_in()
    {
        var console = new TestConsole().Width(160);
        var (sink, _) = Scripted(console);

        console.Write(sink.Render());

        var output = console.Output;
        Assert.That(output.IndexOf("debian-6.1 ", StringComparison.Ordinal), Is.LessThan(output.IndexOf("debian-6.12", StringComparison.Ordinal)));
        Assert.That(output.IndexOf("debian-6.12", StringComparison.Ordinal), Is.LessThan(output.IndexOf("built-7.2", StringComparison.Ordinal)));
    }

    [Test]
    public void Only_the_latest_lines_stay_under_the_table()
    {
        var console = new TestConsole().Width(160);
        var sink = new LiveProgressSink(console, new SteppedClock());
        for (var i = 1; i <= LiveProgressSink.ShownLines + 2; i++)
            sink.Line($"message number {i:00}");

        console.Write(sink.Render());

        Assert.That(console.Output, Does.Not.Contain("message number 02").And.Contain("message number 03").And.Contain($"message number {LiveProgressSink.ShownLines + 2:00}"));
    }

    [Test]
    public async Task The_live_display_ends_with_the_last_phase_of_every_kernel_drawn()
    {
        var console = new TestConsole().Width(160).Interactive();
        var sink = new LiveProgressSink(console, new SteppedClock());

        var answer = await sink.ShowWhileAsync(async () =>
        {
            sink.Kernel(new KernelProgress("[1/1] fake-6.1", KernelPhase.Queued));
            await Task.Yield();
            sink.Kernel(new KernelProgress("[1/1] fake-6.1", KernelPhase.Booting));
            sink.Kernel(new KernelProgress("[1/1] fake-6.1", KernelPhase.Done, "fork_cpu_id=PASS"));
            return 42;
        }, CancellationToken.None);

        Assert.That(answer, Is.EqualTo(42));
        var lastDrawing = console.Output[console.Output.LastIndexOf("kernel", StringComparison.Ordinal)..];
        Assert.That(lastDrawing, Does.Contain("fake-6.1").And.Contain("done").And.Contain("fork_cpu_id=PASS"));
    }
}
