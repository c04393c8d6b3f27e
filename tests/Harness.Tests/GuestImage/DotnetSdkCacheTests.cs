using System.Collections;
using Harness.GuestImage;
using Harness.Storage;

namespace Harness.Tests.GuestImage;

/// <summary>
/// <c>dotnet --version</c> kept between runs, on a script muxer that counts how often it is started, in
/// a folder laid out as an install (dotnet, sdk/, host/fxr/) and a checkout with its global.json.
/// </summary>
public class DotnetSdkCacheTests
{
    const string Version = "10.0.999";
    const string PlainGlobalJson = """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""";

    sealed class Install : IDisposable
    {
        public readonly ScratchFolder Scratch = new();

        public Install()
        {
            Directory.CreateDirectory(Scratch.File("dotnet-root/sdk/" + Version));
            Directory.CreateDirectory(Scratch.File("dotnet-root/host/fxr/10.0.0"));
            Directory.CreateDirectory(Scratch.File("outer/repo"));
            Muxer = new CountingTool(Scratch.File("dotnet-root/dotnet"), Version);
            File.WriteAllText(GlobalJson, PlainGlobalJson);
        }

        public CountingTool Muxer { get; }
        public string Repository => Scratch.File("outer/repo");
        public string GlobalJson => Scratch.File("outer/repo/global.json");
        public string Cache => Scratch.File("cache");

        public Task<string> ReadAsync(string? muxer = null) =>
            DotnetSdk.GetVersionAsync(Repository, new ToolVersionCache(Cache), CancellationToken.None, muxer ?? Muxer.Path);

        public void Dispose() => Scratch.Dispose();
    }

    [Test]
    public async Task A_second_read_with_nothing_changed_does_not_run_dotnet_again()
    {
        using var install = new Install();

        var answers = new[] { await install.ReadAsync(), await install.ReadAsync() };

        Assert.That(answers, Is.EqualTo(new[] { Version, Version }));
        Assert.That(install.Muxer.Runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_changed_global_json_runs_dotnet_again()
    {
        using var install = new Install();
        await install.ReadAsync();

        File.WriteAllText(install.GlobalJson, PlainGlobalJson.Replace("latestFeature", "latestPatch"));
        await install.ReadAsync();

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_global_json_appearing_above_the_repository_runs_dotnet_again()
    {
        using var install = new Install();
        await install.ReadAsync();

        File.WriteAllText(install.Scratch.File("outer/global.json"), PlainGlobalJson);
        await install.ReadAsync();

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_global_json_with_sdk_paths_never_uses_the_cache()
    {
        using var install = new Install();
        File.WriteAllText(install.GlobalJson, """{ "sdk": { "version": "10.0.100", "paths": [".dotnet", "$host$"] } }""");

        await install.ReadAsync();
        await install.ReadAsync();

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
        Assert.That(Directory.Exists(Path.Combine(install.Cache, ToolVersionCache.FolderName)), Is.False);
    }

    [Test]
    public async Task A_global_json_that_cannot_be_parsed_never_uses_the_cache()
    {
        using var install = new Install();
        File.WriteAllText(install.GlobalJson, """{ "sdk": { "version": """);

        await install.ReadAsync();
        await install.ReadAsync();

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task An_sdk_installed_beside_the_muxer_runs_dotnet_again()
    {
        using var install = new Install();
        await install.ReadAsync();

        Directory.CreateDirectory(install.Scratch.File("dotnet-root/sdk/10.0.1000"));
        await install.ReadAsync();

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_muxer_reached_through_a_symlink_uses_the_sdks_beside_the_file_it_leads_to()
    {
        using var install = new Install();
        Directory.CreateDirectory(install.Scratch.File("bin"));
        File.CreateSymbolicLink(install.Scratch.File("bin/dotnet"), install.Muxer.Path);
        await install.ReadAsync(install.Scratch.File("bin/dotnet"));

        Directory.CreateDirectory(install.Scratch.File("dotnet-root/sdk/10.0.1000"));
        await install.ReadAsync(install.Scratch.File("bin/dotnet"));

        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public void A_failed_dotnet_is_not_kept_and_fails_the_same_way_on_the_next_read()
    {
        using var install = new Install();
        install.Muxer.Rewrite("", exitCode: 145, error: "A compatible .NET SDK was not found.");

        Assert.That(async () => await install.ReadAsync(), Throws.InstanceOf<GuestBuildException>().With.Message.EqualTo(
            "dotnet --version failed (exit code 145): A compatible .NET SDK was not found."));
        Assert.That(async () => await install.ReadAsync(), Throws.InstanceOf<GuestBuildException>());
        Assert.That(install.Muxer.Runs, Is.EqualTo(2));
    }

    [Test]
    public void A_DOTNET_variable_is_part_of_the_key_and_other_variables_are_not()
    {
        using var install = new Install();
        IReadOnlyList<string>? Key(IDictionary environment) => DotnetSdkCacheKey.TryCompute(install.Muxer.Path, install.Repository, environment);

        var plain = Key(new Hashtable { ["HOME"] = "/root" });

        Assert.That(Key(new Hashtable { ["HOME"] = "/elsewhere" }), Is.EqualTo(plain));
        Assert.That(Key(new Hashtable { ["HOME"] = "/root", ["DOTNET_ROOT"] = "/opt/dotnet" }), Is.Not.EqualTo(plain));
    }
}
