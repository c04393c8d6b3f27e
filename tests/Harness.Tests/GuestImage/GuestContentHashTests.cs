using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class GuestContentHashTests
{
    private static readonly byte[] Busybox = [1, 2, 3];

    private static void WriteRepository(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "guest", "Scenarios"));
        Directory.CreateDirectory(Path.Combine(root, "protocol"));
        File.WriteAllText(Path.Combine(root, "guest", "Guest.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(root, "guest", "Program.cs"), "return 0;");
        File.WriteAllText(Path.Combine(root, "guest", "Scenarios", "Fork.cs"), "class Fork {}");
        File.WriteAllText(Path.Combine(root, "protocol", "KtapLines.cs"), "class KtapLines {}");
        File.WriteAllText(Path.Combine(root, "global.json"), "{}");
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
    }

    private static string Hash(string root, string init = "#!/bin/sh\n", string sdk = "10.0.100") =>
        GuestContentHash.Compute(root, init, Busybox, sdk);

    [Test]
    public void The_same_sources_in_another_folder_give_the_same_hash()
    {
        using var first = new ScratchFolder();
        using var second = new ScratchFolder();
        WriteRepository(first.Path);
        WriteRepository(second.Path);

        Assert.That(Hash(second.Path), Is.EqualTo(Hash(first.Path)));
    }

    [TestCase("guest/Scenarios/Fork.cs")]
    [TestCase("guest/Guest.csproj")]
    [TestCase("protocol/KtapLines.cs")]
    [TestCase("global.json")]
    [TestCase("Directory.Build.props")]
    [TestCase("Directory.Packages.props")]
    public void Changing_an_input_file_changes_the_hash(string relative)
    {
        using var repository = new ScratchFolder();
        WriteRepository(repository.Path);
        var before = Hash(repository.Path);

        File.WriteAllText(repository.File(relative), "changed");

        Assert.That(Hash(repository.Path), Is.Not.EqualTo(before));
    }

    [TestCase("guest/bin/Release/guest")]
    [TestCase("protocol/obj/project.assets.json")]
    [TestCase("harness/Program.cs")]
    public void Build_output_and_harness_files_do_not_change_the_hash(string relative)
    {
        using var repository = new ScratchFolder();
        WriteRepository(repository.Path);
        var before = Hash(repository.Path);

        Directory.CreateDirectory(Path.GetDirectoryName(repository.File(relative))!);
        File.WriteAllText(repository.File(relative), "anything");

        Assert.That(Hash(repository.Path), Is.EqualTo(before));
    }

    [Test]
    public void Changing_the_init_script_the_sdk_or_busybox_changes_the_hash()
    {
        using var repository = new ScratchFolder();
        WriteRepository(repository.Path);
        var before = Hash(repository.Path);

        Assert.Multiple(() =>
        {
            Assert.That(Hash(repository.Path, init: "#!/bin/sh\nreboot -f\n"), Is.Not.EqualTo(before));
            Assert.That(Hash(repository.Path, sdk: "10.0.101"), Is.Not.EqualTo(before));
            Assert.That(GuestContentHash.Compute(repository.Path, "#!/bin/sh\n", [9], "10.0.100"), Is.Not.EqualTo(before));
        });
    }

    [Test]
    public void A_renamed_source_file_changes_the_hash()
    {
        using var repository = new ScratchFolder();
        WriteRepository(repository.Path);
        var before = Hash(repository.Path);

        File.Move(repository.File("guest/Scenarios/Fork.cs"), repository.File("guest/Scenarios/Fork2.cs"));

        Assert.That(Hash(repository.Path), Is.Not.EqualTo(before));
    }
}
