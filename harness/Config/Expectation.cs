namespace Harness.Config;

/// <summary>What a kernel is expected to show: a known-bad control declares <c>fail</c>.</summary>
public enum Expectation
{
    Pass,
    Fail,
}
