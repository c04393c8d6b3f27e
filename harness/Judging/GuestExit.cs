namespace Harness.Judging;

/// <summary>The guest program's exit status, as /init reported it, in the words of an outcome's reason.</summary>
public static class GuestExit
{
    /// <summary>Linux's highest signal number (SIGRTMAX on x86-64).</summary>
    const int MaxSignal = 64;

    /// <summary>busybox sh, like every POSIX shell, gives a child killed by signal N the status 128 + N.</summary>
    public static int? Signal(int status) => status is > 128 and <= 128 + MaxSignal ? status - 128 : null;

    public static string Describe(int status) => Signal(status) is { } signal
        ? $"guest crashed: signal {signal}{(Name(signal) is { } name ? $" ({name})" : "")}"
        : $"the guest exited with status {status}";

    /// <summary>The x86-64 Linux names (signal(7)); 32 and 33 belong to glibc and have none.</summary>
    static string? Name(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        10 => "SIGUSR1",
        11 => "SIGSEGV",
        12 => "SIGUSR2",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        15 => "SIGTERM",
        16 => "SIGSTKFLT",
        17 => "SIGCHLD",
        18 => "SIGCONT",
        19 => "SIGSTOP",
        20 => "SIGTSTP",
        21 => "SIGTTIN",
        22 => "SIGTTOU",
        23 => "SIGURG",
        24 => "SIGXCPU",
        25 => "SIGXFSZ",
        26 => "SIGVTALRM",
        27 => "SIGPROF",
        28 => "SIGWINCH",
        29 => "SIGIO",
        30 => "SIGPWR",
        31 => "SIGSYS",
        >= 34 and <= MaxSignal => signal == 34 ? "SIGRTMIN" : $"SIGRTMIN+{signal - 34}",
        _ => null,
    };
}
