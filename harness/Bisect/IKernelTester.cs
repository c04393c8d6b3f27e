namespace Harness.Bisect;

/// <summary>Tests one kernel of a matrix bisect: <see cref="MatrixKernelTester"/>, or a scripted one in the tests.</summary>
public interface IKernelTester
{
    Task<StepRecord> TestAsync(OrderedKernel kernel, CancellationToken cancellationToken);
}
