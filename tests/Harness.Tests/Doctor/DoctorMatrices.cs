using Harness.Config;

namespace Harness.Tests.Doctor;

/// <summary>Matrices for the doctor's checks, parsed from text in a temporary folder that holds the default fragment and a kernel image.</summary>
sealed class DoctorMatrices : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("doctor-matrix-").FullName;

    public DoctorMatrices()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "configs"));
        File.WriteAllText(Path.Combine(_folder, "configs", "rseq-guest.config"), "CONFIG_RSEQ=y\n");
        // The loader requires a path kernel to exist when the matrix is read.
        File.WriteAllText(Path.Combine(_folder, "bzImage"), "");
    }

    /// <summary>A folder with nothing in it, to stand for a PATH that finds no program.</summary>
    public string EmptyFolder => Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

    public Matrix Parse(string yaml) => MatrixLoader.Parse(yaml, Path.Combine(_folder, "kernels.yaml"));

    public Matrix WithDebianKernelsAndABuild() => Parse("""
        kernels:
          - name: bookworm-6.1
            source: { debian: linux-image-amd64, suite: bookworm }
          - name: sid
            source: { debian: linux-image-amd64, suite: sid }
          - name: sid-again
            source: { debian: linux-image-amd64, suite: sid }
          - name: control-5.10-fork
            source: { build: { debian: linux-source-5.10, suite: bullseye } }
        """);

    public Matrix WithPathKernelsOnly() => Parse("""
        kernels:
          - name: mine
            source: { path: bzImage }
        """);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
