namespace Guest.Rseq;

/// <summary>x86-64 system call numbers and errno values the guest uses.</summary>
internal static class SyscallNumbers
{
    public const int Uname = 63;
    public const int GetRusage = 98;
    public const int GetTid = 186;
    public const int SchedSetAffinity = 203;
    public const int GetCpu = 309;
    public const int Rseq = 334;

    public const int ErrnoPermission = 1;
    public const int ErrnoBusy = 16;
    public const int ErrnoInvalid = 22;
    public const int ErrnoNoSys = 38;
}
