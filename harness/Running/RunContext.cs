using Harness.Records;
using Harness.Vm;

namespace Harness.Running;

/// <summary>What every kernel of one run shares: the accelerator, the guest image, the run's seed and folder.</summary>
public sealed record RunContext(AccelResolver Accel, GuestImage.GuestImage Guest, long Seed, RunFolder Folder);
