using CliWrap;
using CliWrap.Buffered;

namespace Harness.Tests.Storage;

/// <summary>
/// A tmpfs of a few KiB mounted on a fresh folder, to make a disk fill up on demand. Needs root and
/// a kernel that lets this process mount; the test is ignored (not failed) where it cannot.
/// </summary>
sealed class SmallDisk : IAsyncDisposable
{
    SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(string sizeOption = "64k")
    {
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal))
            Assert.Ignore("mounting a small tmpfs needs root");
        var folder = Directory.CreateTempSubdirectory("small-disk-").FullName;
        var mount = await Cli.Wrap("mount").WithArguments(["-t", "tmpfs", "-o", $"size={sizeOption}", "tmpfs", folder])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        if (mount.ExitCode != 0)
        {
            Directory.Delete(folder);
            Assert.Ignore($"cannot mount a tmpfs here: {mount.StandardError.Trim()}");
        }
        return new SmallDisk(folder);
    }

    /// <summary>Fills the disk to the last byte with a file of its own.</summary>
    public void Fill()
    {
        // Unbuffered, so every write reaches the disk (and fails there) at once, and closing has nothing left to flush.
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var size in new[] { 4096, 1 })
        {
            var block = new byte[size];
            try
            {
                while (true)
                    filler.Write(block);
            }
            catch (IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cli.Wrap("umount").WithArguments(["-l", Path]).WithValidation(CommandResultValidation.None).ExecuteAsync();
        Directory.Delete(Path, recursive: true);
    }
}
