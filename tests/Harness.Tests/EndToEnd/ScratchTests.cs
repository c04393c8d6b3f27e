namespace Harness.Tests.EndToEnd;

/// <summary>
/// What every end-to-end test of the CLI starts from: a fresh scratch folder for its matrix, kernel
/// and results (removed afterwards), and the fake QEMU built with the tests.
/// </summary>
public abstract class ScratchTests
{
    private protected ScratchFolder Scratch { get; private set; } = null!;

    [SetUp]
    public void CreateScratch() => Scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => Scratch.Dispose();

    protected static string FakeQemu => Vm.FakeQemu.Path;
}
