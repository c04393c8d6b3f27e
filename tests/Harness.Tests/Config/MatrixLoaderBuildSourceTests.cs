using Harness.Config;

namespace Harness.Tests.Config;

public class MatrixLoaderBuildSourceTests
{
    string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Directory.CreateTempSubdirectory("matrix-build-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "configs"));
        Directory.CreateDirectory(Path.Combine(folder, "patches"));
        Directory.CreateDirectory(Path.Combine(folder, "linux"));
        File.WriteAllText(Path.Combine(folder, "configs", "rseq-guest.config"), "CONFIG_RSEQ=y\n");
        File.WriteAllText(Path.Combine(folder, "configs", "other.config"), "CONFIG_SMP=y\n");
        File.WriteAllText(Path.Combine(folder, "patches", "a.patch"), "");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    Matrix Parse(string yaml) => MatrixLoader.Parse(yaml, Path.Combine(folder, "kernels.yaml"));

    MatrixException Error(string yaml) => Assert.Throws<MatrixException>(() => Parse(yaml))!;

    [Test]
    public void A_debian_build_gets_the_default_fragment_and_its_patches_relative_to_the_matrix_file()
    {
        var matrix = Parse("""
            kernels:
              - name: control
                expect: fail
                source:
                  build:
                    debian: linux-source-5.10
                    suite: bullseye
                    patches: [patches/a.patch]
                    selftests: true
            """);

        Assert.That(matrix.Kernels[0].Source, Is.EqualTo(new BuildKernelSource(
            new DebianSourceTree("linux-source-5.10", "bullseye"),
            Path.Combine(folder, "configs", "rseq-guest.config"),
            [Path.Combine(folder, "patches", "a.patch")],
            Selftests: true)).Using<BuildKernelSource>(SameBuild));
    }

    [Test]
    public void A_matrix_in_a_subfolder_finds_the_default_fragment_in_a_folder_above_it()
    {
        Directory.CreateDirectory(Path.Combine(folder, "matrices"));

        var source = (BuildKernelSource)MatrixLoader.Parse("""
            kernels:
              - name: twin
                source: { build: { debian: linux-source-5.10, suite: bullseye } }
            """, Path.Combine(folder, "matrices", "controls.yaml")).Kernels[0].Source;

        Assert.That(source.ConfigPath, Is.EqualTo(Path.Combine(folder, "configs", "rseq-guest.config")));
    }

    [Test]
    public void A_tree_build_takes_its_own_fragment_and_defaults_to_no_patches_and_no_selftests()
    {
        var source = (BuildKernelSource)Parse("""
            kernels:
              - name: mine
                source: { build: { tree: linux, config: configs/other.config } }
            """).Kernels[0].Source;

        Assert.Multiple(() =>
        {
            Assert.That(source.Tree, Is.EqualTo(new LocalSourceTree(Path.Combine(folder, "linux"))));
            Assert.That(source.ConfigPath, Is.EqualTo(Path.Combine(folder, "configs", "other.config")));
            Assert.That(source.PatchPaths, Is.Empty);
            Assert.That(source.Selftests, Is.False);
        });
    }

    [Test]
    public void A_missing_patch_is_an_error_at_its_list_item()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  build:
                    debian: linux-source-5.10
                    suite: bullseye
                    patches:
                      - patches/a.patch
                      - patches/missing.patch
            """);

        Assert.That(error.Location.Line, Is.EqualTo(9));
        Assert.That(error.Location.Column, Is.EqualTo(13));
        Assert.That(error.Message, Does.Contain("missing.patch").And.Contain("does not exist"));
    }

    [Test]
    public void A_missing_config_fragment_is_an_error_at_its_value()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  build: { tree: linux, config: configs/nope.config }
            """);

        Assert.That((error.Location.Line, error.Location.Column), Is.EqualTo((4, 37)));
        Assert.That(error.Message, Does.Contain("nope.config").And.Contain("does not exist"));
    }

    [Test]
    public void A_missing_default_fragment_is_an_error_at_the_build_block()
    {
        File.Delete(Path.Combine(folder, "configs", "rseq-guest.config"));
        var error = Error("""
            kernels:
              - name: a
                source:
                  build: { tree: linux }
            """);

        Assert.That((error.Location.Line, error.Location.Column), Is.EqualTo((4, 14)));
        Assert.That(error.Message, Does.Contain("rseq-guest.config"));
    }

    [Test]
    public void A_build_with_both_debian_and_tree_is_rejected()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  build: { tree: linux, debian: linux-source-5.10, suite: bullseye }
            """);

        Assert.That(error.Message, Does.Contain("has both 'debian' and 'tree'"));
    }

    [Test]
    public void A_build_beside_debian_in_the_same_source_is_rejected()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  debian: linux-image-amd64
                  suite: bookworm
                  build: { tree: linux }
            """);

        Assert.That(error.Message, Does.Contain("has both 'debian' and 'build'"));
    }

    [Test]
    public void An_unknown_key_in_a_build_block_is_named()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  build: { tree: linux, patch: patches/a.patch }
            """);

        Assert.That(error.Message, Does.Contain("unknown key 'patch' in build of source of kernel 'a'"));
    }

    [Test]
    public void Selftests_must_be_true_or_false()
    {
        var error = Error("""
            kernels:
              - name: a
                source:
                  build: { tree: linux, selftests: yes }
            """);

        Assert.That(error.Message, Does.Contain("'selftests'").And.Contain("true, false"));
    }

    static bool SameBuild(BuildKernelSource a, BuildKernelSource b) =>
        a.Tree == b.Tree && a.ConfigPath == b.ConfigPath && a.PatchPaths.SequenceEqual(b.PatchPaths) && a.Selftests == b.Selftests;
}
