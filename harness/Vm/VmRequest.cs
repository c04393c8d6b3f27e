namespace Harness.Vm;

/// <summary>One boot of one kernel with the guest.</summary>
/// <param name="Accel">The accelerator already resolved.</param>
/// <param name="GuestArguments">Words appended to the kernel command line for the guest (rseqh.*).</param>
/// <param name="ConsoleLogPath">Where the whole ttyS0 console is kept.</param>
/// <param name="ResultsLogPath">Where the raw ttyS1 result stream is kept.</param>
/// <param name="NumaNodes">Number of NUMA nodes to give the guest (1 = no NUMA layout).</param>
/// <param name="SilenceTimeout">How long the console may print nothing new before the guest starts;
/// null: no such limit (only the boot timeout).</param>
/// <param name="ExtraKernelArguments">Words the matrix adds to the kernel command line (kernel_args).</param>
/// <param name="ResultLineSeen">Called with each raw line of the result port as it arrives (the live progress view); null: nobody watches.</param>
public sealed record VmRequest(
    string KernelImagePath,
    string InitramfsPath,
    int Cpus,
    int MemoryMiB,
    Accel Accel,
    IReadOnlyList<string> GuestArguments,
    TimeSpan BootTimeout,
    TimeSpan TestTimeout,
    string ConsoleLogPath,
    string ResultsLogPath,
    int NumaNodes = 1,
    TimeSpan? SilenceTimeout = null,
    string ExtraKernelArguments = "",
    Action<string>? ResultLineSeen = null);
