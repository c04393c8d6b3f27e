using System.CommandLine;
using Harness.Config;
using Harness.GuestImage;
using Harness.Kernels;
using Harness.Prerequisites;
using Harness.Running;
using Harness.Storage;
using Harness.Vm;

namespace Harness.Commands;

/// <summary>
/// Runs the chosen verb and turns every error into one line on stderr and an exit status, never a
/// stack trace: a user reads "kernels.yaml:3:5: unknown key 'cpu'", not an exception dump. A bug
/// (an exception of no known kind) exits 70 with its stack trace in a log file the line names; set
/// HARNESS_DEBUG=1 to see the stack of any error on stderr as well.
/// </summary>
public static class CommandLineErrors
{
    public static Task<int> InvokeAsync(RootCommand root, string[] args) =>
        InvokeAsync(root, args, Console.Error, Path.GetTempPath());

    /// <param name="crashLogDirectory">Where the stack trace of a harness bug is saved.</param>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter errors, string crashLogDirectory)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would answer with status 1, which here means "a kernel missed its expectation".
            foreach (var error in parse.Errors)
                await errors.WriteLineAsync($"harness: {OneLine(error.Message)} (see --help)");
            return ExitCodes.BadInput;
        }
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            // Ctrl-C cancels the verb's token; give it time to kill QEMU and save what it has.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        try
        {
            return await parse.InvokeAsync(configuration, CancellationToken.None);
        }
        catch (Exception exception)
        {
            var (status, message) = Describe(exception);
            if (status == ExitCodes.InternalError)
                message += "; " + CrashLog.Write(exception, args, crashLogDirectory, DateTimeOffset.UtcNow);
            await errors.WriteLineAsync($"harness: {message}");
            if (Environment.GetEnvironmentVariable("HARNESS_DEBUG") == "1")
                await errors.WriteLineAsync(exception.ToString());
            return status;
        }
    }

    /// <summary>
    /// The exit status and the line for every kind of failure. Only the input's own faults are 2: a
    /// failure of the host is 4 (CI retries elsewhere), and anything unforeseen is a bug, 70, never
    /// passed off as the user's mistake.
    /// </summary>
    internal static (int Status, string Message) Describe(Exception exception) => exception switch
    {
        MatrixException matrix => (ExitCodes.BadInput, OneLine(matrix.Message)),
        Bisect.BisectInputException or Sharding.ShardingException => (ExitCodes.BadInput, OneLine(exception.Message)),
        PrerequisiteException or QemuNotFoundException => (ExitCodes.MissingPrerequisite, OneLine(exception.Message)),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        IOException io => (ExitCodes.Environment, StorageException.Describe(io)),
        UnauthorizedAccessException => (ExitCodes.Environment, $"permission denied: {OneLine(exception.Message)}"),
        EnvironmentException or Bisect.GitException or AccelUnavailableException or KernelAcquisitionException or GuestBuildException
            => (ExitCodes.Environment, OneLine(exception.Message)),
        _ => (ExitCodes.InternalError, $"internal error ({exception.GetType().Name}: {OneLine(exception.Message)})"),
    };

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
