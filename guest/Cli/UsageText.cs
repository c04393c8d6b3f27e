namespace Guest.Cli;

/// <summary>The text of <c>guest --help</c>.</summary>
internal static class UsageText
{
    public const string Value = """
        guest: checks the kernel's rseq cpu_id under CPU migration and writes KTAP results.

        Usage:
          guest [--scenarios a,b] [--depth D] [--seconds S] [--stress-multiple M] [--seed N] [--threads T]
                [--ktap PATH] [--selftests DIR]
          guest --kernel-cmdline [FILE] [--ktap PATH]   parameters from rseqh.* words of FILE (default /proc/cmdline)
          guest --list                                  print the scenario names
          guest --help

        Options:
          --scenarios a,b   scenarios to run, comma-separated (default: all)
          --depth D         quick, standard or deep: the stress multiple, the cap and the selftests run
                            (default: standard, 10x the minimum stress within 8 s)
          --seconds S       the cap: seconds a scenario may run at most (default: the depth's: 2, 8, 20)
          --stress-multiple M
                            each scenario stops once it has M times every stress minimum it states, or
                            a sure FAIL (default: the depth's: 3, 10, 100)
          --seed N          seed of random choices, printed back (default: from the clock)
          --threads T       worker threads for scenarios that use several (default: one per CPU)
          --ktap PATH       write the KTAP stream to PATH, e.g. /dev/ttyS1 (default: standard output)
          --selftests DIR   after the scenarios, run every program in DIR (the kernel's rseq selftests)
                            with glibc's rseq registration off; each reports as selftest:<name>

        Options typed here win over rseqh.scenarios, rseqh.depth, rseqh.seconds, rseqh.multiple, rseqh.seed
        and rseqh.threads.
        Exit status: 0 when every scenario ran (whatever the verdicts), 2 on a usage error, 1 on a crash.
        """;
}
