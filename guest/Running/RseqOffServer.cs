namespace Guest.Running;

/// <summary>
/// The child's side of <see cref="RseqOffChild"/>: reads requests from standard input until it
/// closes, runs each on a thread of its own, and ends each answer with <see cref="RseqOffRequest.AnswerEnd"/>.
/// </summary>
/// <remarks>
/// A new thread per request because rseq registrations are per thread: each request registers on a
/// thread that has never registered (glibc's registration is off in this process), as the main
/// thread of a fresh process did when every request had a process of its own. The request's thread
/// and every thread it started have ended before the next request begins.
/// </remarks>
internal static class RseqOffServer
{
    /// <param name="runRequest">Runs the guest for one request's arguments, writing to standard output.</param>
    public static int Serve(TextReader requests, TextWriter answers, Action<IReadOnlyList<string>> runRequest)
    {
        while (requests.ReadLine() is { } line)
        {
            var arguments = RseqOffRequest.Parse(line);
            // Not a background thread: an exception in it ends the process, as it ended the copy of
            // the guest that ran one request, and the parent reads the exit status.
            var thread = new Thread(() => runRequest(arguments)) { Name = "rseq-off request" };
            thread.Start();
            thread.Join();
            answers.WriteLine(RseqOffRequest.AnswerEnd);
            answers.Flush();
        }
        return 0;
    }
}
