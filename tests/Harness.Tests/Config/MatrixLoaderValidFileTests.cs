using Harness.Config;

namespace Harness.Tests.Config;

public class MatrixLoaderValidFileTests
{
    private const string FullFile = """
        # kernels.yaml
        defaults:
          cpus: 2
          memory: 1024
          accel: tcg
          boot_timeout: 60
          test_timeout: 200
          guest:
            seconds: 1.5
            seed: 1234
            threads: 8
            scenarios: [fork_cpu_id]
        kernels:
          - name: bookworm
            source:
              debian: linux-image-amd64
              suite: bookworm
          - name: my-build
            source:
              path: ../out/bzImage
            expect: fail
            cpus: 3
            memory: 256
            boot_timeout: 30
            test_timeout: 90
            guest:
              threads: 2
        """;

    [Test]
    public void A_full_file_gives_its_defaults()
    {
        var matrix = MatrixLoader.Parse(FullFile, MatrixErrors.FileName);

        var expectedGuest = new GuestSettings(Seconds: 1.5, Seed: 1234, Threads: 8, Scenarios: ["fork_cpu_id"]);
        Assert.That(matrix.Defaults with { Machine = matrix.Defaults.Machine with { Guest = expectedGuest } }, Is.EqualTo(new MatrixDefaults(
            new MachineSettings(
                Cpus: 2, MemoryMiB: 1024,
                BootTimeout: TimeSpan.FromSeconds(60), TestTimeout: TimeSpan.FromSeconds(200), Guest: expectedGuest,
                SilenceTimeout: MachineSettings.StandardSilenceTimeout),
            AccelChoice.Tcg)));
        Assert.That(matrix.Defaults.Machine.Guest.Scenarios, Is.EqualTo(new[] { "fork_cpu_id" }));
    }

    [Test]
    public void A_kernel_without_overrides_takes_the_defaults()
    {
        var bookworm = MatrixLoader.Parse(FullFile, MatrixErrors.FileName).Kernels[0];

        Assert.Multiple(() =>
        {
            Assert.That(bookworm.Name, Is.EqualTo("bookworm"));
            Assert.That(bookworm.Source, Is.EqualTo(new DebianKernelSource("linux-image-amd64", "bookworm")));
            Assert.That(bookworm.Expect, Is.EqualTo(Expectation.Pass));
            Assert.That(bookworm.Machine.Cpus, Is.EqualTo(2));
            Assert.That(bookworm.Machine.MemoryMiB, Is.EqualTo(1024));
            Assert.That(bookworm.Machine.BootTimeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(bookworm.Machine.TestTimeout, Is.EqualTo(TimeSpan.FromSeconds(200)));
            Assert.That(bookworm.Machine.Guest.Seed, Is.EqualTo(1234));
            Assert.That(bookworm.Location, Is.EqualTo(new SourceLocation(MatrixErrors.FileName, 14, 5)));
        });
    }

    [Test]
    public void A_kernel_overrides_settings_and_guest_keys_one_by_one()
    {
        var myBuild = MatrixLoader.Parse(FullFile, MatrixErrors.FileName).Kernels[1];

        Assert.Multiple(() =>
        {
            Assert.That(myBuild.Expect, Is.EqualTo(Expectation.Fail));
            Assert.That(myBuild.Machine.Cpus, Is.EqualTo(3));
            Assert.That(myBuild.Machine.MemoryMiB, Is.EqualTo(256));
            Assert.That(myBuild.Machine.BootTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(myBuild.Machine.TestTimeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(myBuild.Machine.Guest.Threads, Is.EqualTo(2));
            Assert.That(myBuild.Machine.Guest.Seconds, Is.EqualTo(1.5));
            Assert.That(myBuild.Machine.Guest.Seed, Is.EqualTo(1234));
            Assert.That(myBuild.Machine.Guest.Scenarios, Is.EqualTo(new[] { "fork_cpu_id" }));
        });
    }

    [Test]
    public void A_relative_path_source_is_made_absolute_against_the_matrix_files_folder()
    {
        var matrix = MatrixLoader.Parse(FullFile, MatrixErrors.FileName);

        Assert.Multiple(() =>
        {
            Assert.That(matrix.Kernels[1].Source, Is.EqualTo(new PathKernelSource(Path.Combine(MatrixFolder.Root, "out", "bzImage"))));
            Assert.That(matrix.FilePath, Is.EqualTo(MatrixFolder.FilePath));
            Assert.That(matrix.DirectoryPath, Is.EqualTo(MatrixFolder.Directory));
        });
    }

    [Test]
    public void Without_a_defaults_block_every_kernel_gets_the_standard_settings()
    {
        var matrix = MatrixLoader.Parse("""
            kernels:
              - name: a
                source: { path: bzImage }
            """, MatrixErrors.FileName);

        var kernel = matrix.Kernels.Single();
        Assert.Multiple(() =>
        {
            Assert.That(matrix.Defaults, Is.SameAs(MatrixDefaults.Standard));
            Assert.That(kernel.Machine.Cpus, Is.EqualTo(MatrixDefaults.Standard.Machine.Cpus));
            Assert.That(kernel.Machine.MemoryMiB, Is.EqualTo(MatrixDefaults.Standard.Machine.MemoryMiB));
            Assert.That(kernel.Machine.Guest, Is.SameAs(GuestSettings.Standard));
            Assert.That(kernel.Expect, Is.EqualTo(Expectation.Pass));
        });
    }

    [Test]
    public void A_partial_guest_block_keeps_the_other_standard_guest_settings()
    {
        var matrix = MatrixLoader.Parse("""
            defaults:
              guest:
                seconds: 7
            kernels:
              - name: a
                source: { path: bzImage }
            """, MatrixErrors.FileName);

        Assert.That(matrix.Kernels[0].Machine.Guest, Is.EqualTo(GuestSettings.Standard with { Seconds = 7 }));
    }

    [Test]
    public void A_kernel_can_set_its_seed_back_to_null_so_the_harness_picks_one()
    {
        var matrix = MatrixLoader.Parse("""
            defaults:
              guest: { seed: 5 }
            kernels:
              - name: a
                source: { path: bzImage }
                guest: { seed: null }
            """, MatrixErrors.FileName);

        Assert.That(matrix.Kernels[0].Machine.Guest.Seed, Is.Null);
    }

    [Test]
    public void Silence_timeout_and_kernel_args_come_from_the_defaults_and_a_kernel_may_override_them()
    {
        var matrix = MatrixLoader.Parse("""
            defaults:
              silence_timeout: 12
              kernel_args: "mitigations=off  nokaslr"
            kernels:
              - name: a
                source: { path: bzImage }
              - name: b
                source: { path: bzImage }
                silence_timeout: 5
                kernel_args: "rdinit=/no-such-init"
            """, MatrixErrors.FileName);

        Assert.That(matrix.Kernels[0].Machine.SilenceTimeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(matrix.Kernels[0].Machine.KernelArgs, Is.EqualTo("mitigations=off  nokaslr"));
        Assert.That(matrix.Kernels[1].Machine.SilenceTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(matrix.Kernels[1].Machine.KernelArgs, Is.EqualTo("rdinit=/no-such-init"));
    }

    [Test]
    public void Without_a_silence_timeout_a_kernel_gets_30_seconds_and_no_extra_kernel_args()
    {
        var kernel = MatrixLoader.Parse("""
            kernels:
              - name: a
                source: { path: bzImage }
            """, MatrixErrors.FileName).Kernels[0];

        Assert.That(kernel.Machine.SilenceTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(kernel.Machine.KernelArgs, Is.Empty);
    }
}
