namespace Guest.Forking;

/// <summary>The parent's side of a <see cref="ForkLoop"/>: what it does with each fork, and when it has enough.</summary>
/// <remarks>Called in the parent only, never in a child, so it may be an ordinary interface.</remarks>
internal unsafe interface IForkParent<TReport> where TReport : unmanaged, IChildReport
{
    /// <summary>False once the scenario's own stop conditions hold (enough faults, enough forks).</summary>
    bool WantsMoreForks { get; }

    /// <summary>fork() itself failed: there is no child.</summary>
    void RecordForkFailure(int errno);

    /// <summary>A child that crashed, hung or exited without writing its report.</summary>
    /// <param name="exit">How it ended: SIGSEGV is rseq's kill for a bad critical section or signature, a verdict on the kernel.</param>
    void RecordLostChild(ChildExit exit);

    /// <summary>A child that exited cleanly with its report complete.</summary>
    /// <param name="parentCpu">getcpu of the parent just before fork; -1 when unknown.</param>
    void RecordChild(int parentCpu, TReport* report);
}
