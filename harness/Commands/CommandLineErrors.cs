using System.CommandLine;
using Harness.Config;
using Harness.Prerequisites;

namespace Harness.Commands;

/// <summary>
/// Runs the chosen verb and turns every error into one line on stderr and an exit status, never a
/// stack trace: a user reads "kernels.yaml:3:5: unknown key 'cpu'", not an exception dump. Set
/// HARNESS_DEBUG=1 to see the stack of an unexpected error.
/// </summary>
public static class CommandLineErrors
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would answer with status 1, which here means "a kernel missed its expectation".
            foreach (var error in parse.Errors)
                await Console.Error.WriteLineAsync($"harness: {OneLine(error.Message)} (see --help)");
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
            await Console.Error.WriteLineAsync($"harness: {message}");
            if (Environment.GetEnvironmentVariable("HARNESS_DEBUG") == "1")
                await Console.Error.WriteLineAsync(exception.ToString());
            return status;
        }
    }

    static (int Status, string Message) Describe(Exception exception) => exception switch
    {
        MatrixException matrix => (ExitCodes.BadInput, OneLine(matrix.Message)),
        PrerequisiteException missing => (ExitCodes.MissingPrerequisite, OneLine(missing.Message)),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        _ => (ExitCodes.BadInput, $"error: {OneLine(exception.Message)}"),
    };

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
