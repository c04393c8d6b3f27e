namespace Harness.Vm;

/// <summary>Boots one kernel with the guest and returns what came out.</summary>
public interface IVmRunner
{
    Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken);
}
