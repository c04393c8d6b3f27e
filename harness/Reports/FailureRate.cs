using System.Globalization;

namespace Harness.Reports;

/// <summary>
/// How often a scenario failed over a kernel's repeated boots (<c>--repeat N</c>), with the Wilson
/// score interval at 95%: unlike the plain ± it stays inside 0 to 100% and means something at 0 of
/// 10 and 10 of 10, which are the counts a nightly mostly sees.
/// </summary>
/// <param name="Failures">Boots whose outcome was FAIL.</param>
/// <param name="Errors">Boots whose outcome was ERROR: no verdict, so counted apart, neither a failure nor a pass.</param>
/// <param name="Attempts">Boots with a verdict (PASS or FAIL): the rate is of these.</param>
public sealed record FailureRate(int Failures, int Errors, int Attempts)
{
    const double Z = 1.959963984540054;

    public double Rate => Attempts == 0 ? 0 : (double)Failures / Attempts;

    public (double Low, double High) Wilson95
    {
        get
        {
            if (Attempts == 0)
                return (0, 1);
            var n = (double)Attempts;
            var z2 = Z * Z;
            var centre = (Rate + z2 / (2 * n)) / (1 + z2 / n);
            var half = Z / (1 + z2 / n) * Math.Sqrt(Rate * (1 - Rate) / n + z2 / (4 * n * n));
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    /// <summary>Such as <c>3/10 failed (30%, 95% CI 11–60%)</c>, and <c>, 1 ERROR</c> when some boots gave none.</summary>
    public override string ToString()
    {
        if (Attempts == 0)
            return string.Create(CultureInfo.InvariantCulture, $"(no verdict: {Errors} ERROR)");
        var (low, high) = Wilson95;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Failures}/{Attempts} failed ({Rate * 100:0}%, 95% CI {low * 100:0}–{high * 100:0}%)");
        return Errors == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {Errors} ERROR");
    }
}
