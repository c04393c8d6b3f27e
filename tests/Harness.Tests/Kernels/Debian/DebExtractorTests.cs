using CliWrap;
using Harness.Kernels;
using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

/// <summary>Builds small .deb files with the host's dpkg-deb (no network) and extracts from them.</summary>
public class DebExtractorTests
{
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("deb-extractor-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    private async Task<string> BuildDebAsync(string package, IReadOnlyDictionary<string, byte[]> files)
    {
        var tree = Path.Combine(_directory.FullName, package);
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        await File.WriteAllTextAsync(Path.Combine(tree, "DEBIAN", "control"),
            $"Package: {package}\nVersion: 1.0-1\nArchitecture: amd64\nMaintainer: Test <test@example.invalid>\nDescription: test\n");
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, path))!);
            await File.WriteAllBytesAsync(Path.Combine(tree, path), content);
        }
        var deb = Path.Combine(_directory.FullName, $"{package}.deb");
        await Cli.Wrap("dpkg-deb").WithArguments(["--build", "-Zgzip", "--root-owner-group", tree, deb]).ExecuteAsync();
        return deb;
    }

    [Test]
    public async Task The_boot_vmlinuz_of_an_older_package_is_extracted_alone()
    {
        var deb = await BuildDebAsync("linux-image-1.0-amd64", new Dictionary<string, byte[]>
        {
            ["boot/System.map-1.0-amd64"] = [1, 2, 3],
            ["boot/vmlinuz-1.0-amd64"] = FakeBzImage.Bytes(),
            ["lib/modules/1.0-amd64/kernel/a.ko"] = [4, 5],
        });
        var destination = Path.Combine(_directory.FullName, "vmlinuz");

        var member = await DebExtractor.ExtractKernelImageAsync(deb, destination, CancellationToken.None);

        Assert.That(member, Is.EqualTo("./boot/vmlinuz-1.0-amd64"));
        Assert.That(await BzImage.IsBzImageAsync(destination, CancellationToken.None), Is.True);
        Assert.That(await File.ReadAllBytesAsync(destination), Is.EqualTo(FakeBzImage.Bytes()));
    }

    [Test]
    public async Task The_modules_directory_vmlinuz_of_a_binary_package_is_extracted()
    {
        var deb = await BuildDebAsync("linux-binary-7.2-amd64", new Dictionary<string, byte[]>
        {
            ["usr/lib/modules/7.2-amd64/vmlinuz"] = FakeBzImage.Bytes(),
            ["usr/share/doc/linux-binary-7.2-amd64/copyright"] = [1],
        });
        var destination = Path.Combine(_directory.FullName, "vmlinuz");

        var member = await DebExtractor.ExtractKernelImageAsync(deb, destination, CancellationToken.None);

        Assert.That(member, Is.EqualTo("./usr/lib/modules/7.2-amd64/vmlinuz"));
        Assert.That(new FileInfo(destination).Length, Is.EqualTo(FakeBzImage.Bytes().Length));
    }

    [Test]
    public async Task A_package_without_an_image_gives_null_and_writes_nothing()
    {
        var deb = await BuildDebAsync("linux-image-7.2-amd64", new Dictionary<string, byte[]>
        {
            ["usr/share/doc/linux-image-7.2-amd64/copyright"] = [1],
        });
        var destination = Path.Combine(_directory.FullName, "vmlinuz");

        var member = await DebExtractor.ExtractKernelImageAsync(deb, destination, CancellationToken.None);

        Assert.That(member, Is.Null);
        Assert.That(File.Exists(destination), Is.False);
    }

    [Test]
    public async Task A_file_that_is_not_a_deb_gives_a_one_line_error()
    {
        var notADeb = Path.Combine(_directory.FullName, "broken.deb");
        await File.WriteAllTextAsync(notADeb, "<html>404</html>");

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => DebExtractor.ExtractKernelImageAsync(notADeb, Path.Combine(_directory.FullName, "vmlinuz"), CancellationToken.None));

        Assert.That(error.Message, Does.StartWith("dpkg-deb could not read broken.deb").And.Not.Contain('\n'));
    }

    [Test]
    public async Task A_truncated_download_is_an_error_not_a_shorter_image()
    {
        var image = new byte[256 * 1024];
        new Random(3).NextBytes(image);
        FakeBzImage.Bytes().CopyTo(image, 0);
        var deb = await BuildDebAsync("linux-image-1.0-amd64", new Dictionary<string, byte[]> { ["boot/vmlinuz-1.0-amd64"] = image });
        var whole = await File.ReadAllBytesAsync(deb);
        await File.WriteAllBytesAsync(deb, whole[..(whole.Length * 6 / 10)]);

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => DebExtractor.ExtractKernelImageAsync(deb, Path.Combine(_directory.FullName, "vmlinuz"), CancellationToken.None));

        Assert.That(error.Message, Does.Contain("linux-image-1.0-amd64.deb").And.Not.Contain('\n'));
    }
}
