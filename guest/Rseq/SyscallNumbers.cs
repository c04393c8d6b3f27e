namespace Guest.Rseq;

/// <summary>x86-64 system call numbers and errno values the guest uses.</summary>
internal static class SyscallNumbers
{
    public const int Mprotect = 10;
    public const int SchedYield = 24;
    public const int Uname = 63;
    public const int GetRusage = 98;
    public const int SchedSetScheduler = 144;
    public const int GetTid = 186;
    public const int SchedSetAffinity = 203;
    public const int GetCpu = 309;
    public const int Rseq = 334;

    public const int ErrnoPermission = 1;
    public const int ErrnoBusy = 16;
    public const int ErrnoInvalid = 22;
    public const int ErrnoNoSys = 38;
    public const int ErrnoFault = 14;

    /// <summary>The errno's symbolic name for the errors rseq(2) returns, else "errno N".</summary>
    public static string ErrnoName(int errno) => errno switch
    {
        ErrnoPermission => "EPERM",
        ErrnoFault => "EFAULT",
        ErrnoBusy => "EBUSY",
        ErrnoInvalid => "EINVAL",
        ErrnoNoSys => "ENOSYS",
        _ => $"errno {errno}",
    };
}
