using Harness.Config;
using Harness.Vm;

namespace Harness.Running;

/// <summary>What a run was asked for, once the command line is read: the verbs that run a matrix share it.</summary>
/// <param name="RepositoryRoot">The checkout, whose guest/ is built into the guest image.</param>
/// <param name="Matrix">The matrix, already narrowed to the kernels asked for.</param>
/// <param name="QemuPath">The QEMU given with --qemu, or null for the one on PATH.</param>
public sealed record RunSettings(
    string RepositoryRoot,
    Matrix Matrix,
    AccelChoice Accel,
    string CacheRoot,
    string ResultsRoot,
    string? QemuPath)
{
    public string Qemu => QemuPath ?? QemuRunner.DefaultQemu;
}
