using System.Runtime.Versioning;
using Harness.KernelBuild;
using Harness.Prerequisites;

namespace Harness.Tests.KernelBuild;

/// <summary>The builder's caching and patch handling, on a fake tree with the real make, patch, tar and cp.</summary>
[SupportedOSPlatform("linux")]
public class KernelBuilderTests
{
    FakeKernelTree tree = null!;
    KernelBuilder builder = null!;

    [SetUp]
    public void CreateTree()
    {
        foreach (var tool in new[] { "make", "patch", "gcc", "tar", "cp" })
            Assume.That(PathSearch.Find(tool), Is.Not.Null, $"{tool} is needed on PATH");
        tree = new FakeKernelTree();
        builder = new KernelBuilder(tree.Cache, jobs: 1, progress: _ => { });
    }

    [TearDown]
    public void DeleteTree() => tree?.Dispose();

    KernelBuildRequest Request(params string[] patches) => new(tree.Source, "fake-1.0", tree.Fragment, patches);

    [Test]
    public async Task A_second_request_with_the_same_inputs_comes_from_the_cache_without_make()
    {
        var first = await builder.BuildAsync(Request(), CancellationToken.None);
        var second = await builder.BuildAsync(Request(), CancellationToken.None);

        Assert.That(first.FromCache, Is.False);
        Assert.That(second.FromCache, Is.True);
        Assert.That(second.Key, Is.EqualTo(first.Key));
        Assert.That(tree.Compiled(), Has.Count.EqualTo(2));
        Assert.That(File.ReadAllText(first.ImagePath), Is.EqualTo("core\nfork\n"));
        Assert.That(first.ImagePath, Does.StartWith(Path.Combine(tree.Cache, "kernels", "build", first.Key)));
    }

    [Test]
    public async Task A_patch_recompiles_only_the_file_it_changes_and_leaves_the_source_alone()
    {
        var patch = tree.Patch("core.patch", "core.c", "core", "core without rseq_migrate");

        var plain = await builder.BuildAsync(Request(), CancellationToken.None);
        var patched = await builder.BuildAsync(Request(patch), CancellationToken.None);

        Assert.That(patched.Key, Is.Not.EqualTo(plain.Key));
        Assert.That(File.ReadAllText(patched.ImagePath), Is.EqualTo("core without rseq_migrate\nfork\n"));
        Assert.That(File.ReadAllText(plain.ImagePath), Is.EqualTo("core\nfork\n"));
        Assert.That(tree.Compiled(), Is.EqualTo(new[] { "kernel/core.c", "kernel/fork.c", "kernel/core.c" }));
        Assert.That(File.ReadAllText(Path.Combine(tree.Source, "kernel", "core.c")), Is.EqualTo("core\n"));
        var pristine = Directory.GetFiles(Path.Combine(tree.Cache, "build"), "core.c", SearchOption.AllDirectories)
            .Single(path => !path.Contains("trees"));
        Assert.That(File.ReadAllText(pristine), Is.EqualTo("core\n"));
    }

    [Test]
    public async Task Switching_to_another_patch_reverts_the_first_and_rebuilds_both_files()
    {
        var first = tree.Patch("core.patch", "core.c", "core", "patched core");
        var second = tree.Patch("fork.patch", "fork.c", "fork", "patched fork");

        await builder.BuildAsync(Request(first), CancellationToken.None);
        var switched = await builder.BuildAsync(Request(second), CancellationToken.None);

        Assert.That(File.ReadAllText(switched.ImagePath), Is.EqualTo("core\npatched fork\n"));
        Assert.That(tree.Compiled().Skip(2), Is.EquivalentTo(new[] { "kernel/core.c", "kernel/fork.c" }));
    }

    [Test]
    public async Task A_patch_that_does_not_apply_fails_with_its_path_and_the_tree_stays_usable()
    {
        var broken = tree.Patch("broken.patch", "core.c", "not what the file says", "anything");

        var failure = Assert.ThrowsAsync<KernelBuildException>(() => builder.BuildAsync(Request(broken), CancellationToken.None));
        var plain = await builder.BuildAsync(Request(), CancellationToken.None);

        Assert.That(failure!.Message, Does.Contain(broken).And.Contain("does not apply").And.Contain("FAILED"));
        Assert.That(File.ReadAllText(plain.ImagePath), Is.EqualTo("core\nfork\n"));
    }

    [Test]
    public void Fragment_options_that_do_not_survive_olddefconfig_fail_the_build_on_one_line()
    {
        var fragment = tree.Write("lossy.config", "CONFIG_SMP=y\nCONFIG_DROPPED=y\nCONFIG_ALSO_DROPPED=y\n");

        var failure = Assert.ThrowsAsync<KernelBuildException>(() =>
            builder.BuildAsync(Request() with { FragmentPath = fragment }, CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain("CONFIG_DROPPED=y (got nothing), CONFIG_ALSO_DROPPED=y (got nothing)"));
        Assert.That(failure.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public async Task An_any_of_group_builds_when_one_member_survives_olddefconfig()
    {
        // As the debug fragment on 7.2: DEBUG_RSEQ is dropped, RSEQ_DEBUG_DEFAULT_ENABLE stays.
        var fragment = tree.Write("debug.config",
            "CONFIG_SMP=y\n# harness: any-of CONFIG_DEBUG_RSEQ_DROPPED CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE\n" +
            "CONFIG_DEBUG_RSEQ_DROPPED=y\nCONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y\n");

        var built = await builder.BuildAsync(Request() with { FragmentPath = fragment }, CancellationToken.None);

        Assert.That(File.ReadAllText(Path.Combine(Path.GetDirectoryName(built.ImagePath)!, "config")),
            Does.Contain("CONFIG_RSEQ_DEBUG_DEFAULT_ENABLE=y").And.Not.Contain("DROPPED"));
    }

    [Test]
    public void A_malformed_harness_line_fails_the_build_naming_the_fragment()
    {
        var fragment = tree.Write("typo.config", "# harness: any-of CONFIG_SMP CONFIG_SMT\nCONFIG_SMP=y\n");

        var failure = Assert.ThrowsAsync<KernelBuildException>(() =>
            builder.BuildAsync(Request() with { FragmentPath = fragment }, CancellationToken.None));

        Assert.That(failure!.Message, Does.StartWith(fragment).And.Contain("CONFIG_SMT, which the fragment does not set"));
    }

    [Test]
    public async Task A_cached_image_that_no_longer_matches_its_recorded_hash_is_built_again_not_served()
    {
        var first = await builder.BuildAsync(Request(), CancellationToken.None);
        await File.WriteAllTextAsync(first.ImagePath, "core\n");

        var second = await builder.BuildAsync(Request(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.FromCache, Is.False);
            Assert.That(second.ImagePath, Is.EqualTo(first.ImagePath));
            Assert.That(File.ReadAllText(second.ImagePath), Is.EqualTo("core\nfork\n"));
        });
        Assert.That((await builder.BuildAsync(Request(), CancellationToken.None)).FromCache, Is.True);
    }

    [Test]
    public async Task An_image_cached_before_hashes_were_recorded_is_reused_and_its_hash_recorded()
    {
        var first = await builder.BuildAsync(Request(), CancellationToken.None);
        File.Delete(first.ImagePath + ".sha256");

        var second = await builder.BuildAsync(Request(), CancellationToken.None);

        Assert.That(second.FromCache, Is.True);
        Assert.That(File.Exists(first.ImagePath + ".sha256"), Is.True);
    }
}
