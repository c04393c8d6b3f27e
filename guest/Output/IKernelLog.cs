namespace Guest.Output;

/// <summary>Where the guest's console markers go (<see cref="Protocol.ConsoleMarkers"/>).</summary>
internal interface IKernelLog
{
    /// <summary>Writes one marker; never throws, since a missing marker must not cost the run.</summary>
    void Write(string marker);
}

/// <summary>No kernel log: the markers are dropped.</summary>
internal sealed class NoKernelLog : IKernelLog
{
    public static NoKernelLog Instance { get; } = new();

    public void Write(string marker) { }
}
