namespace Guest.Forking;

/// <summary>What a forked child leaves on the shared page: plain ints, the completion marker written last.</summary>
internal interface IChildReport
{
    /// <summary>
    /// The child wrote its completion marker, so it did not die half-way. Read by the parent only,
    /// once the child has exited.
    /// </summary>
    bool HasCompleted();
}
