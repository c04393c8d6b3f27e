using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Harness.Running.Progress;

/// <summary>
/// For a terminal: a table of every kernel (phase, elapsed time, verdicts or the scenarios done so
/// far), redrawn in place while the run goes on, with the run's latest one-line messages under it.
/// </summary>
public sealed class LiveProgressSink(IAnsiConsole console, TimeProvider clock) : IProgressSink
{
    /// <summary>The latest messages shown under the table; the older ones scroll away (they are in no file either way).</summary>
    public const int ShownLines = 6;

    static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    readonly Lock _gate = new();
    readonly List<KernelRow> _rows = [];
    readonly Queue<string> _lines = new();

    public void Line(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > ShownLines)
                _lines.Dequeue();
        }
    }

    public void Kernel(KernelProgress progress)
    {
        var now = clock.GetTimestamp();
        lock (_gate)
        {
            var index = _rows.FindIndex(r => r.Label == progress.Label);
            var earlier = index < 0 ? null : _rows[index];
            var started = earlier?.Started ?? (progress.Phase == KernelPhase.Queued ? null : now);
            var row = new KernelRow(progress.Label, progress.Phase, progress.Detail, started,
                progress.Phase == KernelPhase.Done ? now : null);
            if (index < 0)
                _rows.Add(row);
            else
                _rows[index] = row;
        }
    }

    /// <summary>Runs <paramref name="work"/> with the table redrawn until it ends; the last drawing stays on the screen.</summary>
    public Task<T> ShowWhileAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        console.Live(Render()).AutoClear(false).StartAsync(async live =>
        {
            var running = work();
            while (!running.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                live.UpdateTarget(Render());
                await Task.WhenAny(running, Task.Delay(Refresh, clock, cancellationToken));
            }
            try
            {
                return await running;
            }
            finally
            {
                live.UpdateTarget(Render());
            }
        });

    /// <summary>The table as it stands now.</summary>
    public IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("kernel").AddColumn("phase").AddColumn(new TableColumn("elapsed").RightAligned()).AddColumn("verdicts / progress");
        string[] lines;
        lock (_gate)
        {
            foreach (var row in _rows)
                table.AddRow(
                    Markup.Escape(row.Label),
                    PhaseMarkup(row.Phase),
                    Elapsed(row),
                    Markup.Escape(row.Detail ?? ""));
            lines = [.. _lines];
        }
        return new Rows([table, .. lines.Select(l => new Text(l))]);
    }

    string Elapsed(KernelRow row)
    {
        if (row.Started is not { } started)
            return "";
        var spent = row.Ended is { } ended ? clock.GetElapsedTime(started, ended) : clock.GetElapsedTime(started);
        return spent.TotalHours >= 1
            ? spent.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : spent.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    static string PhaseMarkup(KernelPhase phase) => phase switch
    {
        KernelPhase.Queued => "[grey]queued[/]",
        KernelPhase.Fetching => "[yellow]fetching[/]",
        KernelPhase.Booting => "[blue]booting[/]",
        KernelPhase.Running => "[aqua]running[/]",
        _ => "done",
    };
}
