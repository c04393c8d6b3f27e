using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class PrivateAptStateTests
{
    private static readonly ArchiveMirror Mirror = new("http://mirror.invalid/debian");

    [Test]
    public void The_sources_list_names_the_mirror_the_suite_main_and_the_archive_keyring()
    {
        var line = PrivateAptState.RenderSourcesList(Mirror, "experimental");

        Assert.That(line, Is.EqualTo(
            "deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg target=Packages] "
            + "http://mirror.invalid/debian experimental main\n"));
    }

    [Test]
    public void Every_apt_directory_points_inside_the_private_state()
    {
        var state = new PrivateAptState("/cache/apt/sid", "sid");

        var directories = state.AptOptions()
            .Where(o => o.StartsWith("Dir::", StringComparison.Ordinal) && !o.EndsWith('='))
            .ToList();

        Assert.That(directories, Has.Count.GreaterThanOrEqualTo(8));
        Assert.That(directories, Has.All.Contains("=/cache/apt/sid"));
        Assert.That(state.AptOptions(), Does.Contain("Debug::NoLocking=1"));
    }

    [Test]
    public async Task Preparing_writes_the_sources_list_and_a_changed_mirror_makes_the_lists_stale()
    {
        var directory = Directory.CreateTempSubdirectory("apt-state-");
        try
        {
            var state = new PrivateAptState(directory.FullName, "sid");
            await state.PrepareAsync(Mirror, CancellationToken.None);
            await state.MarkListsUpdatedAsync(DateTimeOffset.UtcNow, CancellationToken.None);

            await state.PrepareAsync(Mirror, CancellationToken.None);
            Assert.That(state.ListsUpdatedAt, Is.Not.Null, "same mirror keeps the lists");

            await state.PrepareAsync(new ArchiveMirror("http://other.invalid/debian"), CancellationToken.None);
            Assert.That(state.ListsUpdatedAt, Is.Null, "another mirror needs new lists");
            Assert.That(File.ReadAllText(Path.Combine(directory.FullName, "sources.list")), Does.Contain("http://other.invalid/debian sid main"));
            Assert.That(File.ReadAllText(Path.Combine(directory.FullName, "status")), Is.Empty);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
