using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class SharedLibraryResolverTests
{
    [Test]
    public async Task A_static_binary_needs_no_libraries()
    {
        var libraries = await new SharedLibraryResolver().ResolveAsync(StaticBusybox.DefaultPath, CancellationToken.None);

        Assert.That(libraries, Is.Empty);
    }

    [Test]
    public async Task A_dynamic_binary_needs_libc_and_the_loader_found_as_real_files()
    {
        // /bin/true is dynamically linked on every glibc distribution.
        var libraries = await new SharedLibraryResolver().ResolveAsync("/bin/true", CancellationToken.None);

        Assert.That(libraries.Select(l => Path.GetFileName(l.GuestPath)), Does.Contain("libc.so.6"));
        Assert.That(libraries.Select(l => l.GuestPath), Has.Some.Match("^/lib64/ld-linux-x86-64\\.so\\.2$"));
        Assert.That(libraries.Select(l => new FileInfo(l.HostFile).LinkTarget), Has.All.Null,
            "host files are the link targets, not links");
    }

    [Test]
    public void The_loader_path_resolves_through_its_symlink_to_a_file_with_the_same_content()
    {
        const string loader = "/lib64/ld-linux-x86-64.so.2";

        var real = SharedLibraryResolver.RealFile(loader);

        Assert.That(File.ReadAllBytes(real), Is.EqualTo(File.ReadAllBytes(loader)));
        Assert.That(new FileInfo(real).LinkTarget, Is.Null);
    }
}
