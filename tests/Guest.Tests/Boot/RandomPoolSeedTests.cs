using System.Buffers.Binary;
using Guest.Boot;
using Guest.Rseq;

namespace Guest.Tests.Boot;

public class RandomPoolSeedTests
{
    [Test]
    public void The_request_number_is_RNDADDENTROPY_of_linux_random_h()
    {
        // _IOW('R', 0x03, int[2]) as the kernel's uapi header spells it.
        Assert.That(RandomPoolSeed.AddEntropyRequest, Is.EqualTo(0x40085203u));
    }

    [Test]
    public void The_argument_credits_every_bit_of_the_seed_and_carries_it_after_the_two_counts()
    {
        var seed = Enumerable.Range(1, RandomPoolSeed.SeedBytes).Select(value => (byte)value).ToArray();

        var argument = RandomPoolSeed.AddEntropyArgument(seed);

        Assert.Multiple(() =>
        {
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(argument), Is.EqualTo(256), "entropy_count, in bits");
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(argument.AsSpan(4)), Is.EqualTo(32), "buf_size, in bytes");
            Assert.That(argument[8..], Is.EqualTo(seed));
        });
    }

    [Test]
    public void Outside_the_vm_the_pool_is_left_alone()
    {
        Assert.That(RandomPoolSeed.Prepare(LibC.Load(), runsAsVmGuest: false), Is.EqualTo(RandomPoolSeed.Outcome.NotAsked));
    }

    [Test]
    public void A_booted_host_has_a_ready_pool_so_nothing_is_credited()
    {
        // The machine running the tests finished booting long ago: the guest must find the pool
        // ready and credit nothing, as it would if the VM had a real source of entropy.
        Assert.That(RandomPoolSeed.Prepare(LibC.Load(), runsAsVmGuest: true), Is.EqualTo(RandomPoolSeed.Outcome.AlreadyReady));
    }
}
