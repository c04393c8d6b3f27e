using System.Text.RegularExpressions;

namespace Harness.Tests.EndToEnd;

/// <summary>Bad input stops the run before anything boots: one line, a non-zero status, earlier results untouched.</summary>
public class BadInputTests
{
    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratchWithAnEarlierRun()
    {
        _scratch = new ScratchFolder();
        Directory.CreateDirectory(Path.Combine(_scratch.Results, "20260101-000000"));
        File.WriteAllText(Path.Combine(_scratch.Results, "20260101-000000", "run.json"), "{\"earlier\": true}");
    }

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    [Test]
    public async Task A_malformed_matrix_gives_one_line_with_file_line_and_column_and_boots_nothing()
    {
        var matrix = _scratch.Write("kernels.yaml", "kernels:\n  - name: a\n    source: { path: bzImage }\n    cpu: 4\n");
        var before = _scratch.ResultsSnapshot();

        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", _scratch.Results]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.Trim(), Does.Match(@"^harness: .*kernels\.yaml:4:5: unknown key 'cpu'[^\n]*$"));
            Assert.That(_scratch.ResultsSnapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_missing_matrix_file_gives_one_line_naming_it()
    {
        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", Path.Combine(_scratch.Path, "nope.yaml"), "--results", _scratch.Results]);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors.Trim(), Does.Match(@"^harness: .*nope\.yaml: file not found$"));
    }

    [Test]
    public async Task A_path_kernel_that_is_not_there_gives_one_line_with_file_line_and_column_and_boots_nothing()
    {
        var matrix = _scratch.Write("kernels.yaml", "kernels:\n  - name: a\n    source: { path: out/bzImage }\n");
        var before = _scratch.ResultsSnapshot();

        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", _scratch.Results, "--qemu", Vm.FakeQemu.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2));
            Assert.That(outcome.Errors.Trim(), Does.Match(
                $@"^harness: .*kernels\.yaml:3:21: 'path' in source of kernel 'a': '{Regex.Escape(_scratch.File("out/bzImage"))}' does not exist$"));
            Assert.That(_scratch.ResultsSnapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Without_qemu_on_the_path_the_run_names_the_package_to_install_and_writes_nothing()
    {
        _scratch.FakeBzImage();
        var matrix = _scratch.Write("kernels.yaml", "kernels:\n  - name: a\n    source: { path: bzImage }\n");
        var emptyPath = Directory.CreateDirectory(Path.Combine(_scratch.Path, "empty-path")).FullName;
        var before = _scratch.ResultsSnapshot();

        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", _scratch.Results],
            new Dictionary<string, string?> { ["PATH"] = emptyPath });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(3));
            Assert.That(outcome.Errors.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(outcome.Errors, Does.Contain("qemu-system-x86_64").And.Contain("qemu-system-x86"));
            Assert.That(outcome.Errors, Does.Not.Contain("   at "));
            Assert.That(_scratch.ResultsSnapshot(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Asking_for_a_kernel_the_matrix_does_not_have_is_a_usage_error()
    {
        _scratch.FakeBzImage();
        var matrix = _scratch.Write("kernels.yaml", "kernels:\n  - name: a\n    source: { path: bzImage }\n");

        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--kernel", "b", "--results", _scratch.Results]);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors, Does.Contain("no kernel named 'b'"));
    }
}
