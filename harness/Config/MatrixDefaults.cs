namespace Harness.Config;

/// <summary>The <c>defaults</c> block: the machine every kernel gets unless its entry says otherwise, and the accelerator of the whole run.</summary>
public sealed record MatrixDefaults(MachineSettings Machine, AccelChoice Accel)
{
    public static MatrixDefaults Standard { get; } = new(MachineSettings.Standard, AccelChoice.Auto);
}
