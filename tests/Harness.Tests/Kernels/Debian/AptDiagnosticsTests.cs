using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class AptDiagnosticsTests
{
    [Test]
    public void An_unreachable_mirror_is_reported_by_its_fetch_failure()
    {
        const string stderr = """
            W: Failed to fetch http://mirror.invalid/debian/dists/sid/InRelease  Could not resolve 'mirror.invalid'
            W: Some index files failed to download. They have been ignored, or old ones used instead.
            """;

        Assert.That(AptDiagnostics.FirstProblem(stderr, 100), Is.EqualTo(
            "Failed to fetch http://mirror.invalid/debian/dists/sid/InRelease Could not resolve 'mirror.invalid'"));
    }

    [Test]
    public void An_error_wins_over_the_sandbox_warning_before_it()
    {
        const string stderr = """
            W: Download is performed unsandboxed as root as file 'x.deb' couldn't be accessed by user '_apt'.
            E: The repository 'http://mirror.invalid/debian buster Release' does not have a Release file.
            """;

        Assert.That(AptDiagnostics.FirstProblem(stderr, 100),
            Is.EqualTo("The repository 'http://mirror.invalid/debian buster Release' does not have a Release file."));
    }

    [Test]
    public void Silence_is_reported_as_the_exit_code()
    {
        Assert.That(AptDiagnostics.FirstProblem("", 100), Is.EqualTo("exit code 100"));
    }
}
