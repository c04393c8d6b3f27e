namespace Guest.Forking;

/// <summary>
/// The code a forked child runs between fork and _exit. Only the forking thread exists in the
/// child and the runtime's other threads (GC, finalizer) are gone, so it may do nothing that needs
/// them: no allocation, no exception, no runtime call; and it must end in _exit.
/// </summary>
/// <remarks>
/// A static abstract member, implemented by a struct: <see cref="ForkLoop"/> is then compiled for
/// that struct alone and calls <see cref="Run"/> directly, with no delegate, no virtual or
/// interface dispatch and no generic lookup that the child would have to make.
/// </remarks>
/// <typeparam name="TContext">Everything the child needs, gathered by the parent before fork.</typeparam>
internal interface IForkChild<TContext> where TContext : unmanaged
{
    static abstract void Run(TContext context);
}
