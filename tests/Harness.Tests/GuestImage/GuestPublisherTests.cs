using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class GuestPublisherTests
{
    [Test]
    public async Task A_failing_publish_throws_with_the_end_of_its_output_and_keeps_the_whole_log()
    {
        using var repository = new ScratchFolder();
        Directory.CreateDirectory(repository.File("guest"));
        File.WriteAllText(repository.File("guest/Guest.csproj"), "<Project>not a project");
        var log = repository.File("publish.log");

        var failure = await Task.Run(() => Assert.ThrowsAsync<GuestBuildException>(() =>
            new GuestPublisher(repository.Path).PublishAsync(repository.File("out"), log, CancellationToken.None)));

        Assert.That(failure!.Message, Does.Contain("Guest.csproj").And.Contain(log).And.Contain("error"));
        Assert.That(File.ReadAllText(log), Does.Contain("error"));
    }
}
