namespace Harness.Vm;

/// <summary>Whether QEMU really runs a guest under KVM, with the evidence in one line.</summary>
public sealed record KvmProbeResult(bool Works, string Reason)
{
    /// <summary>SeaBIOS's first line on its debug port: guest code ran under KVM.</summary>
    public const string FirmwareBanner = "SeaBIOS";

    /// <summary>Judges one probe run: the firmware banner on the debug port is the only proof.</summary>
    /// <param name="firmwareRan">The banner arrived before QEMU ended or the time ran out.</param>
    /// <param name="exitCode">QEMU's exit status if it ended by itself, null if it was still running.</param>
    public static KvmProbeResult Judge(bool firmwareRan, int? exitCode, string errors, TimeSpan timeout)
    {
        if (firmwareRan)
            return new KvmProbeResult(true, "QEMU ran the firmware under KVM");
        if (exitCode is { } code)
            return new KvmProbeResult(false, $"QEMU with KVM exited with status {code}: {ErrorLine(errors)}");
        return new KvmProbeResult(false, $"QEMU with KVM ran no guest code within {timeout.TotalSeconds:0.#} s");
    }

    /// <summary>The line that says what went wrong: QEMU's "error:" line rather than the assertion that follows it.</summary>
    static string ErrorLine(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? lines.FirstOrDefault()
            ?? "no message";
    }
}
