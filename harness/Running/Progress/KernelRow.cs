namespace Harness.Running.Progress;

/// <summary>One kernel's line of the live table: its phase and when it left the queue and ended.</summary>
/// <param name="Started">When it left the queue (a timestamp of the sink's clock); null while queued.</param>
/// <param name="Ended">When its row became known; its elapsed time stops there.</param>
sealed record KernelRow(string Label, KernelPhase Phase, string? Detail, long? Started, long? Ended);
