using Harness.Results;

namespace Harness.Running;

/// <summary>What every kernel of one run shares: the VM environment, the guest image and the run's seed.</summary>
public sealed record RunContext(VmEnvironment Vm, GuestImage.GuestImage Guest, long Seed, RunFolder Folder);
