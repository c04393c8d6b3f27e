using System.Runtime.InteropServices;
using Guest.Rseq;

namespace Guest.Boot;

/// <summary>
/// Makes the kernel's random pool ready before the .NET runtime reads it, when the guest runs as
/// the VM's program and the pool is not ready yet.
/// </summary>
/// <remarks>
/// The runtime seeds its string hashing (Marvin), object hash codes and each thread pool thread's
/// <see cref="Random"/> from /dev/urandom, at the guest's first info line. Since Linux 5.18 a read of
/// /dev/urandom before the pool is initialised first runs the kernel's jitter-entropy loop
/// (try_to_generate_entropy) until it is. Under TCG with QEMU's default CPU (no RDRAND) and no RNG
/// device nothing else initialises the pool that early, and the loop took 2.6 s of a sid (7.2) boot
/// and 1.3 s of a bookworm (6.1) boot, between the first KTAP line and the first scenario (the console
/// shows "random: crng init done" right before "rseqh: begin fork_cpu_id").
/// <para>
/// So the guest credits the pool with 256 bits taken from the kernel's own generator before it is
/// initialised (getrandom with GRND_INSECURE): this is not entropy, and it is credited as if it were.
/// That is acceptable only because the VM is a throwaway test machine whose one program keeps no
/// secret: nothing in it needs unpredictable numbers, and no rseq path reads the pool. A host run
/// never credits: there the pool is long ready (and the guest is not started with --kernel-cmdline).
/// A VM given a real source (an RNG device, or a CPU with RDRAND) finds the pool ready and credits
/// nothing either. Kernels before 5.6 lack GRND_INSECURE; their /dev/urandom never blocks, so there
/// is nothing to gain and nothing is credited.
/// </para>
/// <para>
/// Once the pool is ready the kernel flips its crng_is_ready static key from a worker, live-patching
/// every site with text_poke; multi-threaded TCG races that patching, and a vCPU that runs a site
/// meanwhile can oops on the planted int3 (the README's "When a kernel bug struck"). It did once
/// here, in crng_make_state, when the guest read /dev/urandom right after crediting. The jitter
/// loop the credit replaces ended the same way (the guest read at once). So after crediting, the
/// guest sleeps <see cref="QuietPeriod"/> without touching the kernel's random code: the worker
/// patches a handful of sites in three rounds of IPIs, milliseconds even under TCG.
/// </para>
/// </remarks>
internal static unsafe class RandomPoolSeed
{
    /// <summary>What the guest did about the pool.</summary>
    public enum Outcome
    {
        /// <summary>Not the VM's program: left alone.</summary>
        NotAsked,

        /// <summary>The pool was already initialised.</summary>
        AlreadyReady,

        /// <summary>The pool was credited and is ready now.</summary>
        Credited,

        /// <summary>The pool is not ready and could not be credited (an old kernel, or no CAP_SYS_ADMIN).</summary>
        NotCredited,
    }

    /// <summary>The bits the kernel needs before it calls the pool initialised (POOL_READY_BITS since 5.18; 128 before).</summary>
    public const int SeedBytes = 32;

    const int GetRandom = 318;
    const int Ioctl = 16;
    const int OpenAt = 257;
    const int Close = 3;
    const int AtCurrentDirectory = -100;
    const int OpenWriteOnlyCloseOnExec = 0x1 | 0x80000;
    const int GrndNonBlock = 0x1;
    const int GrndInsecure = 0x4;
    const int ErrnoAgain = 11;

    /// <summary>How long the guest stays quiet after crediting, while the kernel patches its static key.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>RNDADDENTROPY: _IOW('R', 0x03, int[2]) of linux/random.h.</summary>
    public const uint AddEntropyRequest = (1u << 30) | (8u << 16) | ((uint)'R' << 8) | 0x03u;

    /// <param name="runsAsVmGuest">The guest reads its parameters from the kernel command line: it is the VM's program.</param>
    public static Outcome Prepare(LibC libc, bool runsAsVmGuest)
    {
        if (!runsAsVmGuest)
            return Outcome.NotAsked;
        if (IsReady(libc))
            return Outcome.AlreadyReady;
        Span<byte> seed = stackalloc byte[SeedBytes];
        fixed (byte* bytes = seed)
        {
            if (libc.Syscall(GetRandom, (nint)bytes, SeedBytes, GrndInsecure, 0, 0) != SeedBytes)
                return Outcome.NotCredited;
        }
        if (!Credit(libc, seed))
            return Outcome.NotCredited;
        // Before anything else, and before IsReady's getrandom runs a patched site (see the remarks).
        Thread.Sleep(QuietPeriod);
        return IsReady(libc) ? Outcome.Credited : Outcome.NotCredited;
    }

    /// <summary>The pool is initialised: a non-blocking getrandom gives bytes instead of EAGAIN.</summary>
    static bool IsReady(LibC libc)
    {
        byte probe;
        var result = libc.Syscall(GetRandom, (nint)(&probe), 1, GrndNonBlock, 0, 0);
        return result == 1 || Marshal.GetLastSystemError() != ErrnoAgain;
    }

    static bool Credit(LibC libc, ReadOnlySpan<byte> seed)
    {
        var request = AddEntropyArgument(seed);
        var path = "/dev/urandom\0"u8;
        int descriptor;
        fixed (byte* pathBytes = path)
            descriptor = (int)libc.Syscall(OpenAt, AtCurrentDirectory, (nint)pathBytes, OpenWriteOnlyCloseOnExec, 0, 0);
        if (descriptor < 0)
            return false;
        try
        {
            fixed (byte* argument = request)
                return libc.Syscall(Ioctl, descriptor, (nint)AddEntropyRequest, (nint)argument, 0, 0) == 0;
        }
        finally
        {
            libc.Syscall(Close, descriptor, 0, 0, 0, 0);
        }
    }

    /// <summary>
    /// struct rand_pool_info: the bits credited, the length in bytes, then the bytes; every bit of
    /// <paramref name="seed"/> is credited.
    /// </summary>
    public static byte[] AddEntropyArgument(ReadOnlySpan<byte> seed)
    {
        var argument = new byte[2 * sizeof(int) + seed.Length];
        MemoryMarshal.Write(argument.AsSpan(0), seed.Length * 8);
        MemoryMarshal.Write(argument.AsSpan(sizeof(int)), seed.Length);
        seed.CopyTo(argument.AsSpan(2 * sizeof(int)));
        return argument;
    }
}
