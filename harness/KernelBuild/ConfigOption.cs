namespace Harness.KernelBuild;

/// <summary>One Kconfig assignment. "# CONFIG_X is not set" is read as the value "n".</summary>
/// <param name="Name">The symbol with its prefix, e.g. CONFIG_RSEQ.</param>
/// <param name="Value">As written: y, m, n, a number or a quoted string.</param>
public sealed record ConfigOption(string Name, string Value)
{
    public const string NotSet = "n";

    public override string ToString() => Value == NotSet ? $"{Name} is not set" : $"{Name}={Value}";
}
