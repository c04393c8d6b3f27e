using Harness.Doctor;

namespace Harness.Tests.Doctor;

/// <summary>Which linker NativeAOT would use, found on a PATH of scripts that stand for the tools.</summary>
public class NativeToolchainTests
{
    string _bin = "";

    [SetUp]
    public void CreateBin() => _bin = Directory.CreateTempSubdirectory("doctor-path-").FullName;

    [TearDown]
    public void RemoveBin() => Directory.Delete(_bin, recursive: true);

    void Tool(string name)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\necho \"" + name + " 1.0\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Test]
    public void Clang_is_preferred_over_gcc_and_strips_with_llvm_objcopy_as_the_SDK_does()
    {
        Tool("clang");
        Tool("gcc");
        Tool("llvm-objcopy");
        Tool("objcopy");

        var tools = NativeToolchain.Find(_bin);

        Assert.That(tools, Is.EqualTo(new NativeToolchain(Path.Combine(_bin, "clang"), Path.Combine(_bin, "llvm-objcopy"))));
    }

    [Test]
    public void Without_clang_gcc_links_and_objcopy_strips()
    {
        Tool("gcc");
        Tool("llvm-objcopy");
        Tool("objcopy");

        var tools = NativeToolchain.Find(_bin);

        Assert.That(tools, Is.EqualTo(new NativeToolchain(Path.Combine(_bin, "gcc"), Path.Combine(_bin, "objcopy"))));
    }

    [Test]
    public async Task Without_any_linker_the_check_fails_naming_clang()
    {
        var result = await NativeLinkerCheck.RunAsync(_bin, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(result.Packages, Is.EqualTo(new[] { "clang" }));
    }

    [Test]
    public async Task A_linker_without_objcopy_fails_naming_binutils()
    {
        Tool("gcc");

        var result = await NativeLinkerCheck.RunAsync(_bin, CancellationToken.None);

        Assert.That(result.Packages, Is.EqualTo(new[] { "binutils" }));
    }

    [Test]
    public async Task A_working_linker_is_shown_with_its_version_line()
    {
        Tool("gcc");
        Tool("objcopy");

        var result = await NativeLinkerCheck.RunAsync(_bin, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(CheckStatus.Ok));
        Assert.That(result.Evidence, Does.StartWith($"gcc 1.0 at {Path.Combine(_bin, "gcc")}"));
    }
}
