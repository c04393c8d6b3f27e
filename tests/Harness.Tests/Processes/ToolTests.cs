using System.ComponentModel;
using Harness.Processes;

namespace Harness.Tests.Processes;

/// <summary>The one runner of host programs, on small programs every Debian host has (env, printf, cat).</summary>
public class ToolTests
{
    [Test]
    public async Task A_program_gets_its_arguments_each_as_one_word_and_both_outputs_are_kept()
    {
        var result = await Tool.RunAsync("printf", ["%s|", "two words", "$(touch x)"], workingDirectory: null, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ToolResult(0, "two words|$(touch x)|", "")));
    }

    [Test]
    public async Task A_failure_keeps_its_exit_status_and_its_line_that_matters_is_the_last_of_stderr()
    {
        var result = await Tool.RunAsync("cat", ["/nonexistent/a"], workingDirectory: null, CancellationToken.None);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.LineThatMatters, Is.EqualTo("cat: /nonexistent/a: No such file or directory"));
    }

    [Test]
    public async Task A_variable_is_set_and_one_given_as_null_is_not_inherited()
    {
        // PATH is inherited by every child: removing it shows a null value drops an inherited variable.
        var command = new ToolCommand("/usr/bin/env", [], Environment: new Dictionary<string, string?> { ["HARNESS_TOOL_TEST"] = "set", ["PATH"] = null });

        var lines = (await Tool.RunAsync(command, CancellationToken.None)).StandardOutput.Split('\n');

        Assert.That(lines, Does.Contain("HARNESS_TOOL_TEST=set"));
        Assert.That(lines.Where(line => line.StartsWith("PATH=", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task It_runs_in_the_working_directory_it_is_given()
    {
        using var scratch = new ScratchFolder();

        var result = await Tool.RunAsync("pwd", [], scratch.Path, CancellationToken.None);

        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(scratch.Path));
    }

    [Test]
    public async Task Line_by_line_each_line_reaches_the_callback_of_its_stream()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("lines", "one\ntwo\n");
        var output = new List<string>();
        var errors = new List<string>();

        var exitCode = await Tool.RunLineByLineAsync(new ToolCommand("cat", [file, "/nonexistent/b"]), output.Add, errors.Add, CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(output, Is.EqualTo(new[] { "one", "two" }));
        Assert.That(errors, Is.EqualTo(new[] { "cat: /nonexistent/b: No such file or directory" }));
    }

    [Test]
    public async Task Output_read_as_bytes_reaches_the_reader_whole_and_stderr_is_kept()
    {
        using var scratch = new ScratchFolder();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        var file = scratch.WriteBytes("data", bytes);
        var read = new MemoryStream();

        var result = await Tool.RunReadingOutputAsync(new ToolCommand("cat", [file, "/nonexistent/c"]), (stream, ct) => stream.CopyToAsync(read, ct), CancellationToken.None);

        Assert.That(read.ToArray(), Is.EqualTo(bytes));
        Assert.That((result.ExitCode, result.LineThatMatters), Is.EqualTo((1, "cat: /nonexistent/c: No such file or directory")));
    }

    [Test]
    public async Task A_program_that_is_not_installed_cannot_be_started_and_try_run_says_null()
    {
        Assert.ThrowsAsync<Win32Exception>(() => Tool.RunAsync("no-such-program-here", [], workingDirectory: null, CancellationToken.None));
        Assert.That(await Tool.TryRunAsync("no-such-program-here", [], workingDirectory: null, CancellationToken.None), Is.Null);
    }
}
