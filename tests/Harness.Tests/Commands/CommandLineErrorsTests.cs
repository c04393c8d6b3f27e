using System.CommandLine;
using Harness.Commands;
using Harness.Config;
using Harness.Kernels;
using Harness.Prerequisites;
using Harness.Storage;
using Harness.Vm;

namespace Harness.Tests.Commands;

public class CommandLineErrorsTests
{
    string _logs = "";

    [SetUp]
    public void CreateLogFolder() => _logs = Directory.CreateTempSubdirectory("crash-logs-").FullName;

    [TearDown]
    public void RemoveLogFolder() => Directory.Delete(_logs, recursive: true);

    static RootCommand Throwing(Exception exception)
    {
        var verb = new Command("boom");
        verb.SetAction((_, _) => Task.FromException<int>(exception));
        return new RootCommand { verb };
    }

    async Task<(int Status, string Errors)> InvokeAsync(Exception exception)
    {
        var errors = new StringWriter();
        var status = await CommandLineErrors.InvokeAsync(Throwing(exception), ["boom"], errors, _logs);
        return (status, errors.ToString());
    }

    [Test]
    public async Task An_unforeseen_exception_exits_70_with_its_stack_trace_in_a_log_the_line_names()
    {
        var (status, errors) = await InvokeAsync(new NullReferenceException("Object reference not set"));

        var logs = Directory.GetFiles(_logs, "harness-crash-*.log");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(ExitCodes.InternalError));
            Assert.That(errors.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(errors, Does.StartWith("harness: internal error (NullReferenceException: Object reference not set)"));
            Assert.That(errors, Does.Not.Contain("   at "));
            Assert.That(logs, Has.Length.EqualTo(1));
            Assert.That(errors, Does.Contain($"details in {logs.Single()}"));
            Assert.That(File.ReadAllText(logs.Single()), Does.Contain("NullReferenceException").And.Contain("arguments: boom"));
        });
    }

    [Test]
    public async Task When_the_crash_log_cannot_be_written_the_user_still_gets_one_line()
    {
        var notAFolder = Path.Combine(_logs, "file");
        File.WriteAllText(notAFolder, "");
        var errors = new StringWriter();

        var status = await CommandLineErrors.InvokeAsync(Throwing(new InvalidOperationException("bug")), ["boom"], errors, notAFolder);

        Assert.That(status, Is.EqualTo(ExitCodes.InternalError));
        Assert.That(errors.ToString(), Does.Contain("could not be saved").And.Contain("HARNESS_DEBUG=1"));
        Assert.That(errors.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task A_bad_matrix_exits_2_with_its_location_and_writes_no_crash_log()
    {
        var (status, errors) = await InvokeAsync(new MatrixException(new SourceLocation("kernels.yaml", 3, 5), "unknown key 'cpu'"));

        Assert.That(status, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(errors.Trim(), Is.EqualTo("harness: kernels.yaml:3:5: unknown key 'cpu'"));
        Assert.That(Directory.GetFiles(_logs), Is.Empty);
    }

    [Test]
    public void A_full_disk_is_an_environment_failure_naming_the_file()
    {
        var cause = new IOException("No space left on device : '/r/.run.json.0f.tmp'", 28);

        var (status, message) = CommandLineErrors.Describe(StorageException.Writing("/r/x/run.json", cause));

        Assert.That(status, Is.EqualTo(ExitCodes.Environment));
        Assert.That(message, Is.EqualTo("no space left on device writing /r/x/run.json"));
    }

    [Test]
    public void A_full_disk_met_by_another_writer_names_the_file_from_the_system_message()
    {
        var (status, message) = CommandLineErrors.Describe(new IOException("No space left on device : '/r/x/a.ktap.log'", 28));

        Assert.That(status, Is.EqualTo(ExitCodes.Environment));
        Assert.That(message, Is.EqualTo("no space left on device: /r/x/a.ktap.log"));
    }

    static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(new AccelUnavailableException("/dev/kvm is missing"), ExitCodes.Environment).SetArgDisplayNames("KVM asked for and unusable");
        yield return new TestCaseData(new KernelAcquisitionException("apt-get update failed"), ExitCodes.Environment).SetArgDisplayNames("archive unreachable");
        yield return new TestCaseData(new EnvironmentException("no checkout"), ExitCodes.Environment).SetArgDisplayNames("no checkout");
        yield return new TestCaseData(new UnauthorizedAccessException("denied"), ExitCodes.Environment).SetArgDisplayNames("permission denied");
        yield return new TestCaseData(new IOException("Read-only file system : '/r'", 30), ExitCodes.Environment).SetArgDisplayNames("read-only disk");
        yield return new TestCaseData(new Harness.Prerequisites.PrerequisiteException("cpio not found"), ExitCodes.MissingPrerequisite).SetArgDisplayNames("missing program");
        yield return new TestCaseData(new QemuNotFoundException("/usr/bin/qemu-system-x86_64"), ExitCodes.MissingPrerequisite).SetArgDisplayNames("missing QEMU");
        yield return new TestCaseData(new OperationCanceledException(), ExitCodes.Cancelled).SetArgDisplayNames("Ctrl-C");
        yield return new TestCaseData(new ArgumentException("bad"), ExitCodes.InternalError).SetArgDisplayNames("a bug's ArgumentException");
        yield return new TestCaseData(new FormatException("bad"), ExitCodes.InternalError).SetArgDisplayNames("a bug's FormatException");
    }

    [TestCaseSource(nameof(Failures))]
    public void Every_kind_of_failure_has_its_own_exit_status(Exception exception, int expected)
    {
        Assert.That(CommandLineErrors.Describe(exception).Status, Is.EqualTo(expected));
    }
}
