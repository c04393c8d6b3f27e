using Harness.Storage;

namespace Harness.Tests.Storage;

public class CacheLockTests
{
    string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("cache-lock-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_second_holder_waits_until_the_first_lets_go()
    {
        var path = Path.Combine(_folder, "sub", "guest.lock");
        var waited = 0;
        var first = await CacheLock.AcquireAsync(path, () => { }, CancellationToken.None);

        var second = CacheLock.AcquireAsync(path, () => Interlocked.Increment(ref waited), CancellationToken.None);
        await Task.Delay(600);
        var heldWhileFirstHeld = second.IsCompleted;
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        Assert.That(heldWhileFirstHeld, Is.False);
        Assert.That(waited, Is.EqualTo(1));
    }

    [Test]
    public void A_lock_that_cannot_be_created_fails_at_once_instead_of_waiting_forever()
    {
        var notAFolder = Path.Combine(_folder, "file");
        File.WriteAllText(notAFolder, "");

        Assert.That(async () => await CacheLock.AcquireAsync(Path.Combine(notAFolder, "x.lock"), () => { }, CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10)),
            Throws.InstanceOf<IOException>().And.Not.InstanceOf<TimeoutException>());
    }
}
